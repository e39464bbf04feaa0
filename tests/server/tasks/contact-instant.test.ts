// A contact's time against the time of 交办, compared as instants: on the day of 交办 a contact before
// the hour of 交办 is refused naming that hour (Beijing), one at or after it is recorded — also when the
// stored instant of 交办 is written without milliseconds, which as text sorts after the same instant with them.
import type { ImportSuggestionsResult } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { openOffice, type Office } from '../coordinator/fixture';
import { csvFile } from '../coordinator/fixture';
import { soleRow } from '../coordinator/lifecycle';

// 10:00 in Beijing on 2024-04-10, written without milliseconds, as another writer of the store may.
const ASSIGNED = '2024-04-10T02:00:00Z';
const LATER = '2024-04-10T07:00:00.000Z'; // 15:00 in Beijing

describe('a contact on the day of 交办', () => {
  let office: Office;
  let now = ASSIGNED;
  let taskId: string;
  beforeEach(async () => {
    office = await openOffice(ASSIGNED);
    now = ASSIGNED;
    const api = createApi({ store: office.store, files: office.files, clock: { now: () => now }, log: () => undefined });
    office.call = (openid, action, data) => api({ action, data }, openid ? { openid } : {});
    // Imported today without a 交办日期: assigned at the hour of the import.
    const row = soleRow('8101', '关于社区食堂的建议', '');
    const answer = await office.call('coordinator', 'suggestions.import', { fileID: await office.upload('coordinator', csvFile([row])), format: 'csv' });
    expect((answer as { ok: boolean; data: ImportSuggestionsResult }).data.created).toBe(1);
    const [task] = await office.store.find('tasks');
    taskId = task!.id;
    expect(task!.assignedAt).toBe(ASSIGNED);
    now = LATER;
    expect(await office.call('handler-mzj', 'tasks.claim', { taskId, version: 1 })).toMatchObject({ ok: true });
  });
  afterEach(() => office.store.close());

  const contact = (at: string) =>
    office.call('handler-mzj', 'tasks.logContact', { taskId, at, mode: 'meeting', people: '王建华代表、孙丽', notes: '当面听取意见。' });

  it('refuses 08:30 naming the 交办 time 10:00, and records 10:00 and 14:30', async () => {
    expect(await contact('2024-04-10T00:30:00.000Z')).toEqual({ ok: false, error: { code: 'VALIDATION', message: '「时间」不能早于交办时间（2024-04-10 10:00）' } });
    expect(await contact('2024-04-10T02:00:00.000Z')).toMatchObject({ ok: true });
    expect(await contact('2024-04-10T06:30:00.000Z')).toMatchObject({ ok: true });
    expect(await office.store.find('contacts')).toHaveLength(2);
  });

  it('refuses a time after now, as an instant', async () => {
    expect(await contact('2024-04-10T07:01:00.000Z')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '「时间」不能晚于现在' } });
  });
});

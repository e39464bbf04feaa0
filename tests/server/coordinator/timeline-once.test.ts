// The suggestion's timeline lists each step once: the notices a step queues (one audit record per
// recipient, under the step's action) are not steps of their own.
import type { SuggestionDetail } from '../../../src/contract';
import { openOffice, type Office } from './fixture';
import { importRows, replyAndRate, soleRow } from './lifecycle';

describe('the timeline of a suggestion', () => {
  let office: Office;
  afterEach(() => office.store.close());

  it('shows each step once, for the office and for the deputy', async () => {
    office = await openOffice();
    const { suggestionId, taskIds } = (await importRows(office, [soleRow('6002', '关于完善社区食堂的建议')])).get('6002')!;
    await replyAndRate(office, taskIds[0]!);

    for (const who of ['coordinator', 'deputy-wang']) {
      const detail = await office.ok<SuggestionDetail>(who, 'suggestions.get', { id: suggestionId });
      const steps = detail.events.map((e) => `${e.at} ${e.actorName} ${e.actionLabel}`);
      expect(steps.length).toBeGreaterThan(3);
      expect(steps.filter((s, i) => steps.indexOf(s) !== i)).toEqual([]);
    }
  });
});

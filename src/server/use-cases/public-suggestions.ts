// public.list / public.get: what the office disclosed (统一公开), readable without login. Never a phone
// number or 身份证号 however typed (title, content, summary and reply are all masked), never an internal
// record; a summary disclosure shows the summary instead of the full text.
import * as z from 'zod';
import type { PublicGetData, PublicListData, PublicListResult, PublicSuggestionDetail, PublicSuggestionItem } from '../../contract';
import { AppError } from '../../core/errors';
import { RATING_LABELS, replyClassLabel } from '../../core/labels';
import { shanghaiDate } from '../../core/calendar';
import type { Suggestion, Task } from '../../core/model';
import { suggestionStatus } from '../../core/status';
import { Directory } from '../directory';
import { redactPersonalNumbers as redact } from '../redaction';
import type { Reader } from '../ports';
import { detailsFromCollections } from '../read-models/details';
import { detailRecords } from '../read-models/project';
import { defineUseCase } from '../use-case';
import { idField, pageFields } from '../validation';
import { bySessionAndNumber } from '../access/visible-suggestions';


interface Disclosed {
  suggestion: Suggestion;
  tasks: Task[];
}

const yearOf = (s: Suggestion) => Number(shanghaiDate(s.assignedAt ?? s.createdAt).slice(0, 4));
/** Units that handled it: live tasks only (a returned task is not the unit's). */
const unitIdsOf = (tasks: Task[]) => [...new Set(tasks.filter((t) => t.state !== 'returned').map((t) => t.unitId))];

/** Disclosed to the public: a full or summary disclosure, and the suggestion's status says so. */
const isPublic = (s: Suggestion, tasks: Task[]) =>
  (s.disclosure?.mode === 'full' || s.disclosure?.mode === 'summary') && ['disclosed', 'archived'].includes(suggestionStatus(s, tasks));

/** Every disclosed suggestion with its tasks: one query for the suggestions, one for all their tasks. */
async function disclosedWithTasks(reader: Reader): Promise<Disclosed[]> {
  const found = await reader.find('suggestions', { where: { disclosed: ['full', 'summary'] } });
  const tasks = found.length > 0 ? await reader.find('tasks', { where: { suggestionId: found.map((s) => s.id) } }) : [];
  const bySuggestion = new Map<string, Task[]>();
  for (const t of tasks) bySuggestion.set(t.suggestionId, [...(bySuggestion.get(t.suggestionId) ?? []), t]);
  const out: Disclosed[] = [];
  for (const s of found) {
    const own = bySuggestion.get(s.id) ?? [];
    if (isPublic(s, own)) out.push({ suggestion: s, tasks: own });
  }
  return out.sort((a, b) => bySessionAndNumber(a.suggestion, b.suggestion));
}

async function item(s: Suggestion, directory: Directory, tasks: Task[]): Promise<PublicSuggestionItem> {
  return {
    id: s.id,
    number: s.number,
    title: redact(s.title),
    session: s.session,
    leadDeputyName: await directory.userName(s.leadDeputyId),
    disclosedAt: s.disclosure!.decidedAt,
    year: yearOf(s),
    unitNames: await Promise.all(unitIdsOf(tasks).map((id) => directory.unitName(id))),
  };
}

const listSchema: z.ZodType<PublicListData> = z.object({
  keyword: z.string().trim().max(50).optional(),
  session: z.string().trim().max(40).optional(),
  year: z.number().int().min(1949).max(9999).optional(),
  unitId: idField.optional(),
  ...pageFields,
});

export const publicList = defineUseCase({
  action: 'public.list',
  access: 'public',
  schema: listSchema,
  async run(data, ctx): Promise<PublicListResult> {
    const every = await disclosedWithTasks(ctx.deps.store);
    const keyword = data.keyword ?? '';
    const all = every.filter(
      // The keyword is looked for in what the public sees: a masked number cannot be found by searching for it.
      ({ suggestion: s, tasks }) =>
        (!data.session || s.session === data.session) &&
        (data.year === undefined || yearOf(s) === data.year) &&
        (!data.unitId || unitIdsOf(tasks).includes(data.unitId)) &&
        (!keyword || `${s.number} ${redact(s.title)}`.includes(keyword)),
    );
    const page = data.page ?? 1;
    const pageSize = data.pageSize ?? 20;
    const directory = new Directory(ctx.deps.store);
    const unitIds = [...new Set(every.flatMap((d) => unitIdsOf(d.tasks)))];
    const shown = all.slice((page - 1) * pageSize, page * pageSize);
    // The names in one request for the people and one for the units.
    await directory.preload(shown.map((d) => d.suggestion.leadDeputyId), unitIds);
    const units = (await Promise.all(unitIds.map(async (id) => ({ id, name: await directory.unitName(id) })))).sort((a, b) =>
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
    return {
      items: await Promise.all(shown.map((d) => item(d.suggestion, directory, d.tasks))),
      total: all.length,
      page,
      pageSize,
      years: [...new Set(every.map((d) => yearOf(d.suggestion)))].sort((a, b) => b - a),
      units,
    };
  },
});

const getSchema: z.ZodType<PublicGetData> = z.object({ id: idField });

export const publicGet = defineUseCase({
  action: 'public.get',
  access: 'public',
  schema: getSchema,
  async run(data, ctx): Promise<PublicSuggestionDetail> {
    const store = ctx.deps.store;
    // The suggestion's records in one document (suggestionDetails; from its collections before the rebuild).
    const stored = await store.get('suggestionDetails', data.id);
    const detail = stored?.suggestion ? stored : (await detailsFromCollections(store, [data.id]))[0];
    const s = detail?.suggestion;
    const { tasks, replies, feedback } = detail ? detailRecords(detail) : { tasks: [], replies: [], feedback: [] };
    if (!s || !s.disclosure || !isPublic(s, tasks)) throw new AppError('NOT_FOUND', '没有找到该公开建议');
    const directory = new Directory(store);
    await directory.preload([s.leadDeputyId], tasks.map((t) => t.unitId));
    const full = s.disclosure.mode === 'full';
    return {
      ...(await item(s, directory, tasks)),
      content: redact(full ? s.content : (s.disclosure.summary ?? '')),
      delegation: s.delegation,
      disclosureMode: s.disclosure.mode,
      replies: await Promise.all(
        replies
          .filter((r) => r.signedAt)
          .map(async (r) => ({
            unitName: await directory.unitName(tasks.find((t) => t.id === r.taskId)?.unitId),
            round: r.round,
            class: r.class,
            classLabel: replyClassLabel(r.class),
            text: full ? redact(r.text) : '答复全文不予公开',
            signedAt: r.signedAt!,
          })),
      ),
      feedback: feedback.map((f) => ({ round: f.round, attitudeLabel: RATING_LABELS[f.attitude], resultLabel: RATING_LABELS[f.result] })),
    };
  },
});

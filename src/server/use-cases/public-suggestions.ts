// public.list / public.get: what the office disclosed (统一公开), readable without login. Never a phone
// number or 身份证号 however typed (title, content, summary and reply are all masked), never an internal
// record; a summary disclosure shows the summary instead of the full text.
import * as z from 'zod';
import type { PublicGetData, PublicListData, PublicListResult, PublicSuggestionDetail, PublicSuggestionItem } from '../../contract';
import { AppError } from '../../core/errors';
import { RATING_LABELS, replyClassLabel } from '../../core/labels';
import type { Suggestion } from '../../core/model';
import { suggestionStatus } from '../../core/status';
import { Directory } from '../directory';
import { redactPersonalNumbers as redact } from '../redaction';
import type { Reader } from '../ports';
import { defineUseCase } from '../use-case';
import { idField, pageFields } from '../validation';
import { bySessionAndNumber } from '../visible-suggestions';


async function disclosed(reader: Reader): Promise<Suggestion[]> {
  const [full, summary] = await Promise.all([
    reader.find('suggestions', { where: { disclosed: 'full' } }),
    reader.find('suggestions', { where: { disclosed: 'summary' } }),
  ]);
  const out: Suggestion[] = [];
  for (const s of [...full, ...summary]) {
    const tasks = await reader.find('tasks', { where: { suggestionId: s.id } });
    const status = suggestionStatus(s, tasks);
    if (status === 'disclosed' || status === 'archived') out.push(s);
  }
  return out.sort(bySessionAndNumber);
}

async function item(s: Suggestion, directory: Directory): Promise<PublicSuggestionItem> {
  return {
    id: s.id,
    number: s.number,
    title: redact(s.title),
    session: s.session,
    leadDeputyName: await directory.userName(s.leadDeputyId),
    disclosedAt: s.disclosure!.decidedAt,
  };
}

const listSchema: z.ZodType<PublicListData> = z.object({ keyword: z.string().trim().max(50).optional(), session: z.string().trim().max(40).optional(), ...pageFields });

export const publicList = defineUseCase({
  action: 'public.list',
  access: 'public',
  schema: listSchema,
  async run(data, ctx): Promise<PublicListResult> {
    const all = (await disclosed(ctx.deps.store)).filter(
      // The keyword is looked for in what the public sees: a masked number cannot be found by searching for it.
      (s) => (!data.session || s.session === data.session) && (!data.keyword || `${s.number} ${redact(s.title)}`.includes(data.keyword)),
    );
    const page = data.page ?? 1;
    const pageSize = data.pageSize ?? 20;
    const directory = new Directory(ctx.deps.store);
    return { items: await Promise.all(all.slice((page - 1) * pageSize, page * pageSize).map((s) => item(s, directory))), total: all.length, page, pageSize };
  },
});

const getSchema: z.ZodType<PublicGetData> = z.object({ id: idField });

export const publicGet = defineUseCase({
  action: 'public.get',
  access: 'public',
  schema: getSchema,
  async run(data, ctx): Promise<PublicSuggestionDetail> {
    const store = ctx.deps.store;
    const s = (await disclosed(store)).find((x) => x.id === data.id);
    if (!s || !s.disclosure) throw new AppError('NOT_FOUND', '没有找到该公开建议');
    const directory = new Directory(store);
    const [replies, feedback, tasks] = await Promise.all([
      store.find('replies', { where: { suggestionId: s.id } }),
      store.find('feedback', { where: { suggestionId: s.id } }),
      store.find('tasks', { where: { suggestionId: s.id } }),
    ]);
    const full = s.disclosure.mode === 'full';
    return {
      ...(await item(s, directory)),
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

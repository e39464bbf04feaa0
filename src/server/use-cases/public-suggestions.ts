// public.list / public.get: what the office disclosed (统一公开), readable without login. Never a phone,
// never an internal record; a summary disclosure shows the summary instead of the full text.
import { z } from 'zod';
import type { PublicGetData, PublicListData, PublicListResult, PublicSuggestionDetail, PublicSuggestionItem } from '../../contract';
import { AppError } from '../../core/errors';
import { RATING_LABELS, replyClassLabel } from '../../core/labels';
import type { Suggestion } from '../../core/model';
import { suggestionStatus } from '../../core/status';
import { Directory } from '../directory';
import type { Reader } from '../ports';
import { defineUseCase } from '../use-case';
import { idField, pageFields } from '../validation';
import { bySessionAndNumber } from '../visible-suggestions';

/** Phone-like digit runs typed into a text (mobile or landline) are masked in the public view. */
export function maskPhones(text: string): string {
  return text.replace(/(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}|\d{7,8})(?!\d)/g, (m) => m.replace(/\d/g, '*'));
}

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
    title: s.title,
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
      (s) => (!data.session || s.session === data.session) && (!data.keyword || `${s.number} ${s.title}`.includes(data.keyword)),
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
      content: maskPhones(full ? s.content : (s.disclosure.summary ?? '')),
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
            text: full ? maskPhones(r.text) : '答复全文不予公开',
            signedAt: r.signedAt!,
          })),
      ),
      feedback: feedback.map((f) => ({ round: f.round, attitudeLabel: RATING_LABELS[f.attitude], resultLabel: RATING_LABELS[f.result] })),
    };
  },
});

// suggestions.get: one suggestion with its tasks, replies, records and history, as the caller may see it.
import * as z from 'zod';
import type { GetSuggestionData, SuggestionDetail, TaskView } from '../../contract';
import type { AuditEvent, Task } from '../../core/model';
import { eventLabel } from '../../contract/labels';
import { shanghaiDate } from '../../core/calendar';
import { PHASE_LABELS, SUGGESTION_STATUS_LABELS } from '../../core/labels';
import { isSuggestionDone, suggestionStatus } from '../../core/status';
import { AppError } from '../../core/errors';
import { Directory } from '../directory';
import { only, SUGGESTION_FIELDS, suggestionAudience } from '../access/audiences';
import { assertCanSee, readsAsDeputy, suggestionActionsFor } from '../access/permissions';
import { workflowContextFor, type TaskRecords } from '../tasks/task-context';
import { detailsFromCollections } from '../read-models/details';
import { detailRecords } from '../read-models/project';
import { reachOfPeople } from '../reminders/reach';
import { caller, defineUseCase } from '../use-case';
import { visibleAttachments } from '../papers/attachments';
import { idField } from '../validation';
import { commitmentView, contactView, feedbackView, opinionView, replyView, taskView } from '../views';

const schema: z.ZodType<GetSuggestionData> = z.object({ id: idField });

export const getSuggestion = defineUseCase({
  action: 'suggestions.get',
  access: 'user',
  schema,
  async run(data, ctx): Promise<SuggestionDetail> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    // The suggestion's records in one document (suggestionDetails, kept in the commit of every change)
    // and its history; a suggestion without the document (before the rebuild) from its collections.
    const [stored, events] = await Promise.all([store.get('suggestionDetails', data.id), store.events({ suggestionId: data.id })]);
    const detail = stored?.suggestion ? stored : (await detailsFromCollections(store, [data.id]))[0];
    const suggestion = detail?.suggestion;
    if (!detail || !suggestion) throw new AppError('NOT_FOUND', '没有找到该建议');
    const { tasks: siblings, contacts, replies, opinions, feedback, commitments, attachments } = detailRecords(detail);
    const records: TaskRecords = { tasks: siblings, contacts, replies, opinions, commitments };
    assertCanSee(user, suggestion, siblings);
    const directory = new Directory(store);
    // Every name the page shows, in one request for the people and one for the units.
    await directory.preload(
      [
        suggestion.leadDeputyId,
        ...suggestion.coSignerIds,
        ...siblings.map((t) => t.responsibleUserId),
        ...replies.flatMap((r) => [r.signerId, ...r.reviews.map((x) => x.by)]),
        ...feedback.map((f) => f.deputyId),
        ...commitments.flatMap((c) => c.progress.map((p) => p.by)),
        ...events.map((e) => e.actorId),
        ...attachments.map((a) => a.createdBy),
      ],
      siblings.map((t) => t.unitId),
    );
    const today = shanghaiDate(ctx.now);
    const status = suggestionStatus(suggestion, siblings);
    // A deputy (who is not also office staff) sees signed replies only and no internal records.
    const asDeputy = readsAsDeputy(user, suggestion, siblings);
    // What the caller receives is cut to the fields of his or her audience (src/server/access/audiences.ts).
    const audience = suggestionAudience(user, suggestion, siblings);
    const taskOf = (id: string) => siblings.find((t) => t.id === id);
    const tasks = siblings;

    // Whether WeChat reaches each task's 办理责任人 now (one request for all; docs/reminders.md).
    const reach = asDeputy ? new Map() : await reachOfPeople(store, ctx.deps.reminderConfig, [...new Set(tasks.flatMap((t) => (t.responsibleUserId ? [t.responsibleUserId] : [])))]);
    const withReach = (v: TaskView, t: Task): TaskView => {
      const r = t.responsibleUserId ? reach.get(t.responsibleUserId) : undefined;
      return r ? { ...v, responsibleReach: { label: r.label, unreachable: r.unreachable } } : v;
    };
    const view: SuggestionDetail = {
      id: suggestion.id,
      number: suggestion.number,
      title: suggestion.title,
      content: suggestion.content,
      session: suggestion.session,
      delegation: suggestion.delegation,
      phase: suggestion.phase,
      phaseLabel: PHASE_LABELS[suggestion.phase],
      tags: suggestion.tags,
      keySupervised: suggestion.keySupervised,
      status,
      statusLabel: SUGGESTION_STATUS_LABELS[status],
      leadDeputyId: suggestion.leadDeputyId,
      leadDeputyName: await directory.userName(suggestion.leadDeputyId),
      coSignerNames: await Promise.all(suggestion.coSignerIds.map((id) => directory.userName(id))),
      ...(suggestion.assignedAt ? { assignedAt: suggestion.assignedAt, assignedDate: shanghaiDate(suggestion.assignedAt) } : {}),
      ...(suggestion.disclosure
        ? {
            disclosure: {
              mode: suggestion.disclosure.mode,
              decidedAt: suggestion.disclosure.decidedAt,
              ...(suggestion.disclosure.summary ? { summary: suggestion.disclosure.summary } : {}),
              ...(suggestion.disclosure.reason ? { reason: suggestion.disclosure.reason } : {}),
            },
          }
        : {}),
      ...(suggestion.archivedAt ? { archivedAt: suggestion.archivedAt } : {}),
      version: suggestion.version,
      tasks: await Promise.all(
        tasks.map(async (t) =>
          withReach(
            await taskView(t, suggestion, user, workflowContextFor(t, suggestion, records, user, ctx.now, ctx.deps.policy), directory, today),
            t,
          ),
        ),
      ),
      replies: await Promise.all(
        records.replies.filter((r) => !asDeputy || r.signedAt).map((r) => replyView(r, taskOf(r.taskId), directory, audience)),
      ),
      opinions: asDeputy ? [] : await Promise.all(records.opinions.map((o) => opinionView(o, taskOf(o.taskId), directory))),
      contacts: records.contacts.map(contactView),
      feedback: await Promise.all(feedback.map((f) => feedbackView(f, directory))),
      commitments: await Promise.all(commitments.map((c) => commitmentView(c, directory))),
      events: await Promise.all(
        stepsOf(events)
          .filter((e) => !asDeputy || DEPUTY_TIMELINE.has(e.action))
          .map(async (e) => ({
            at: e.at,
            actorName: await directory.userName(e.actorId),
            action: e.action,
            actionLabel: eventLabel(e.action),
            ...(e.from ? { from: e.from } : {}),
            ...(e.to ? { to: e.to } : {}),
          })),
      ),
      ...(ctx.deps.files
        ? {
            attachments: await visibleAttachments(
              store,
              user,
              { suggestion, tasks, contacts, replies, attachments },
              { files: ctx.deps.files, directory, ...(ctx.openid ? { openid: ctx.openid } : {}) },
            ),
          }
        : {}),
      allowedActions: suggestionActionsFor(user, suggestion, isSuggestionDone(status)),
    };
    return only(view, SUGGESTION_FIELDS[audience]);
  },
});

/**
 * The steps of the suggestion's handling, each once, as the timeline lists them. One action audits a
 * record for each thing it writes (an import: the suggestion and each unit's task; a signature: the
 * reply, the task, and a notice for every person told, docs/notifications.md), all under the action's
 * name, at the same instant, by the same person: one step. Notices and subscriptions are never steps.
 */
function stepsOf(events: AuditEvent[]): AuditEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (e.entity === 'notification' || e.entity === 'subscription') return false;
    const step = `${e.at}|${e.actorId}|${e.action}`;
    if (seen.has(step)) return false;
    seen.add(step);
    return true;
  });
}

/**
 * The steps a deputy follows on his or her suggestion: assignment, who took it up, the talks with
 * him or her, the signed reply, the ratings, promises kept, disclosure and archive. The units' own
 * drafting, reviews and reminders stay internal.
 */
const DEPUTY_TIMELINE = new Set([
  'suggestions.create',
  'suggestions.import',
  'suggestions.assign',
  'tasks.claim',
  'tasks.logContact',
  'tasks.sign',
  'feedback.submit',
  'commitments.progress',
  'contacts.confirm',
  'suggestions.disclose',
  'suggestions.archive',
]);

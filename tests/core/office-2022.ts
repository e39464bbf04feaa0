// The office's 2022 year as data: 82 suggestions, 79 from the session and 3 after it; the DRC was
// 主办 for 19, 分办 for 25 and 会办 for 38; everything finished, face to face and satisfied.
import { computeDue } from '../../src/core/deadlines';
import type { Contact, Feedback, Reply, Suggestion, Task, UnitRole } from '../../src/core/model';
import { SHANDONG_POLICY } from '../../src/core/policy';
import { makeContact, makeFeedback, makeReply, makeSuggestion } from './fixtures';

export const DRC = 'drc';

export function office2022(options: { unfinished?: number } = {}) {
  const suggestions: Suggestion[] = [];
  const tasks: Task[] = [];
  const replies: Reply[] = [];
  const feedbacks: Feedback[] = [];
  const contacts: Contact[] = [];
  const users = [
    { id: 'd-guo', name: '郭梅' },
    { id: 'd-yang', name: '杨爱琴' },
  ];
  const roles: UnitRole[] = [...Array<UnitRole>(19).fill('lead'), ...Array<UnitRole>(25).fill('split'), ...Array<UnitRole>(38).fill('co')];
  roles.forEach((role, i) => {
    const n = i + 1;
    const assignedAt = i < 79 ? '2022-02-20T02:00:00Z' : '2022-06-10T02:00:00Z';
    const sid = `s${n}`;
    suggestions.push(
      makeSuggestion({
        id: sid,
        number: `${n}`,
        title: n === 1 ? '关于加快济南市新能源汽车推广普及' : n === 2 ? '关于加快推进电动汽车充电桩配置' : `建议${n}`,
        leadDeputyId: n === 2 ? 'd-yang' : 'd-guo',
        phase: i < 79 ? 'session' : 'recess',
        createdAt: assignedAt,
        assignedAt,
      }),
    );
    const unfinished = n > 82 - (options.unfinished ?? 0);
    const task: Task = {
      id: `t${n}`,
      suggestionId: sid,
      unitId: DRC,
      role,
      state: role === 'co' ? (unfinished ? 'handling' : 'opinionSent') : unfinished ? 'handling' : 'closed',
      round: 1,
      assignedAt,
      due: computeDue(role, assignedAt, SHANDONG_POLICY),
      responsibleUserId: n % 2 === 0 ? 'h-li' : 'h-wang',
      updatedAt: assignedAt,
      version: 5,
    };
    if (!unfinished && role === 'co') task.opinionSentAt = '2022-03-10T02:00:00Z';
    if (!unfinished && role !== 'co') {
      task.firstRepliedAt = task.repliedAt = '2022-05-10T02:00:00Z';
      task.closedAt = '2022-05-20T02:00:00Z';
      replies.push(makeReply({ id: `r${n}`, taskId: task.id, suggestionId: sid, class: n <= 2 ? 'A' : n <= 10 ? 'B' : 'C' }));
      feedbacks.push(makeFeedback({ id: `f${n}`, taskId: task.id, suggestionId: sid, replyId: `r${n}`, deputyId: 'd-guo' }));
      contacts.push(makeContact({ id: `c${n}`, taskId: task.id, suggestionId: sid }));
    }
    tasks.push(task);
  });
  return { suggestions, tasks, replies, feedbacks, contacts, users };
}

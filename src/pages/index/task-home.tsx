// A unit's home: a handler's tasks by urgency, a reviewer's drafts to review and a leader's
// replies to sign, each queue read page by page (tasks.mine with its queue; 加载更多 for the next
// twenty). Which queues are shown follows the caller's capabilities (from `me`); which queue a task is
// in follows the actions the server allows on it.
import { Text, View } from '@tarojs/components';
import type { Capability, MyTasksData, TaskActionName, TaskListItem } from '../../contract';
import { useTaskPages } from '../../hooks/use-task-pages';
import { QueryView } from '../../components/query-view';
import { Empty, MorePages } from '../../components/state-views';
import { open, routes } from '../routes';

function byUrgency(a: TaskListItem, b: TaskListItem): number {
  return a.replyDue < b.replyDue ? -1 : a.replyDue > b.replyDue ? 1 : 0;
}

function TaskList({ items, id }: { items: TaskListItem[]; id: string }) {
  return (
    <View className="list" id={id}>
      {items.map((task) => (
        <View key={task.id} className="card task-item" id={`task-${task.id}`} onClick={() => open(routes.detail(task.suggestionId))}>
          <View className="card-head">
            <Text className="card-number">{task.number}号 · {task.roleLabel}</Text>
            <Text className="tag">{task.stateLabel}</Text>
          </View>
          <View className="card-title">{task.title}</View>
          {task.deadline ? (
            <View className="card-meta">
              {task.deadline.label}：<Text className="nowrap">{task.deadline.date}</Text>
              {task.deadline.daysLeftText ? (
                <Text className={task.overdue ? 'overdue days-left nowrap' : 'days-left nowrap'}>（{task.deadline.daysLeftText}）</Text>
              ) : null}
            </View>
          ) : null}
          {task.keySupervised ? <View className="card-meta">重点督办</View> : null}
          {task.blockedActions.map((b) => (
            <View key={b.action} className="blocked-action">
              <Text className="blocked-label">{b.label}</Text>
              <Text>：{b.reason}</Text>
            </View>
          ))}
          {task.waitingFor && task.blockedActions.length === 0 ? <View className="card-meta task-waiting">{task.waitingFor}</View> : null}
        </View>
      ))}
    </View>
  );
}

interface Queue {
  capability: Capability;
  /** The server's queue (tasks.mine): the tasks it reads for this list. */
  queue: NonNullable<MyTasksData['queue']>;
  id: string;
  title: string;
  empty: string;
  pick: (task: TaskListItem) => boolean;
}

/** In a queue: the action is allowed, or held up with a reason the person should see there. */
const has = (action: TaskActionName) => (task: TaskListItem) =>
  task.allowedActions.includes(action) || task.blockedActions.some((b) => b.action === action);

const QUEUES: Queue[] = [
  { capability: 'unitTasks', queue: 'all', id: 'handler-queue', title: '我的办理任务', empty: '暂无办理任务', pick: () => true },
  { capability: 'reviewQueue', queue: 'review', id: 'reviewer-queue', title: '待我审核', empty: '暂无待审核的答复', pick: has('tasks.review') },
  { capability: 'signQueue', queue: 'sign', id: 'leader-queue', title: '待我签发', empty: '暂无待签发的答复', pick: has('tasks.sign') },
];

/** Whether the caller has any of the unit's queues. */
export const hasTaskQueue = (capabilities: readonly Capability[]) => QUEUES.some((queue) => capabilities.includes(queue.capability));

function QueueSection({ queue, refreshKey }: { queue: Queue; refreshKey: number }) {
  const pages = useTaskPages(queue.queue, refreshKey);
  const items = pages.items.filter(queue.pick).sort(byUrgency);
  return (
    <View className="section">
      <View className="section-title">{queue.title}</View>
      <QueryView query={pages.first}>
        {() => (
          <View>
            {items.length === 0 ? <Empty text={queue.empty} /> : <TaskList items={items} id={queue.id} />}
            {pages.total > pages.items.length ? (
              <View className="card-meta" id={`${queue.id}-count`}>
                共{pages.total}项，已显示{pages.items.length}项
              </View>
            ) : null}
            <MorePages id={queue.id} hasMore={pages.hasMore} pending={pages.pending} error={pages.error} onMore={pages.loadMore} />
          </View>
        )}
      </QueryView>
    </View>
  );
}

export function TaskHome({ capabilities, refreshKey }: { capabilities: readonly Capability[]; refreshKey: number }) {
  const queues = QUEUES.filter((queue) => capabilities.includes(queue.capability));
  return (
    <View className="home-queues">
      {queues.map((queue) => (
        <QueueSection key={queue.id} queue={queue} refreshKey={refreshKey} />
      ))}
    </View>
  );
}

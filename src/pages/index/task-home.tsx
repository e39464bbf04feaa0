// Office staff's home: a handler's tasks by urgency, a reviewer's drafts to review and a leader's
// replies to sign. Which queue a task is in follows the actions the server allows on it.
import { Text, View } from '@tarojs/components';
import type { ActionName, TaskListItem } from '../../contract';
import type { Role } from '../../core/model';
import { useQuery } from '../../hooks/use-query';
import { QueryView } from '../../components/query-view';
import { Empty } from '../../components/state-views';
import { isOverdueText } from '../../components/format';
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
          <View className="card-meta">
            答复期限：{task.replyDue}
            {task.daysLeftText ? (
              <Text className={isOverdueText(task.daysLeftText) ? 'overdue days-left' : 'days-left'}>（{task.daysLeftText}）</Text>
            ) : null}
          </View>
          {task.keySupervised ? <View className="card-meta">重点督办</View> : null}
        </View>
      ))}
    </View>
  );
}

interface Queue {
  role: Role;
  id: string;
  title: string;
  empty: string;
  pick: (task: TaskListItem) => boolean;
}

const has = (action: ActionName) => (task: TaskListItem) => task.allowedActions.includes(action);

const QUEUES: Queue[] = [
  { role: 'handler', id: 'handler-queue', title: '我的办理任务', empty: '暂无办理任务', pick: () => true },
  { role: 'reviewer', id: 'reviewer-queue', title: '待我审核', empty: '暂无待审核的答复', pick: has('tasks.review') },
  { role: 'leader', id: 'leader-queue', title: '待我签发', empty: '暂无待签发的答复', pick: has('tasks.sign') },
];

export function TaskHome({ roles, refreshKey }: { roles: Role[]; refreshKey: number }) {
  const query = useQuery('tasks.mine', { scope: 'open' }, refreshKey);
  const queues = QUEUES.filter((queue) => roles.includes(queue.role));
  return (
    <QueryView query={query}>
      {(data) => (
        <View>
          {queues.map((queue) => {
            const items = data.items.filter(queue.pick).sort(byUrgency);
            return (
              <View className="section" key={queue.id}>
                <View className="section-title">{queue.title}</View>
                {items.length === 0 ? <Empty text={queue.empty} /> : <TaskList items={items} id={queue.id} />}
              </View>
            );
          })}
        </View>
      )}
    </QueryView>
  );
}

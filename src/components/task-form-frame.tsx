// The frame of every form page that acts on one task: loads the suggestion, finds the task, and
// shows the form only when the server lists the form's action among the task's allowed actions;
// otherwise the server's reason when it gave one.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { SuggestionDetail, TaskActionName, TaskView } from '../contract';
import { findTask, useSuggestion } from '../hooks/use-suggestion';
import { QueryView } from './query-view';
import { Screen } from './screen';
import { Empty } from './state-views';

interface Props {
  id: string;
  suggestionId: string;
  taskId: string;
  title: string;
  /** The form is shown when any of these is allowed now. */
  actions: TaskActionName[];
  children: (detail: SuggestionDetail, task: TaskView) => ReactNode;
}

export function TaskFormFrame({ id, suggestionId, taskId, title, actions, children }: Props) {
  const query = useSuggestion(suggestionId);
  return (
    <Screen id={id}>
      <View className="section-title">{title}</View>
      <QueryView query={query}>
        {(detail) => {
          const task = findTask(detail, taskId);
          if (!task) return <Empty text="没有找到该办理任务" />;
          const allowed = actions.some((a) => task.allowedActions.includes(a));
          // Why not, in the server's words when it gave them (a next step held up by something else).
          const heldUp = task.blockedActions.find((b) => actions.includes(b.action));
          return (
            <View className="task-form">
              <View className="card">
                <Text className="card-number">{detail.number}号 </Text>
                <Text className="card-title">{detail.title}</Text>
                <View className="card-meta">
                  {task.unitName}（{task.roleLabel}）· {task.stateLabel}
                  {task.daysLeftText ? ` · ${task.daysLeftText}` : ''}
                </View>
              </View>
              {allowed ? children(detail, task) : <View className="notice" id="not-allowed">{heldUp ? heldUp.reason : '当前状态下不能进行此操作'}</View>}
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

// Suggestion detail: the text, the units and their roles with the allowed actions, the replies,
// the records and what happened; at a desk in two columns (the tasks and the timeline on the right).
import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SuggestionDetail } from '../../../contract';
import { useSuggestion } from '../../../hooks/use-suggestion';
import { useShowCount } from '../../../hooks/use-show-count';
import { useDeskWidth } from '../../../hooks/use-desk-width';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { open, routes } from '../../routes';
import { TaskCard } from './task-card';
import { Commitments, Contacts, Feedbacks, Opinions, Replies, type FilesOf } from './record-sections';
import { AttachmentList } from '../../../components/attachment-list';
import { Timeline } from './timeline';
import { guarded } from '../../../components/page-guard';
import { formatTime } from '../../../components/format';

/** A unit's own steps on a task: whoever may take one works on its records and may add files to them. */
const WORKS_ON = new Set<string>(['tasks.claim', 'tasks.logContact', 'tasks.saveDraft', 'tasks.submitOpinion', 'commitments.progress']);

function Header({ detail }: { detail: SuggestionDetail }) {
  return (
    <View className="card" id="suggestion-header">
      <View className="card-head">
        <Text className="card-number">{detail.number}号</Text>
        <Text className="tag" id="suggestion-status">
          {detail.statusLabel}
        </Text>
      </View>
      <View className="card-title" id="suggestion-title">
        {detail.title}
      </View>
      <View className="card-meta">
        {detail.session} · {detail.phaseLabel} · {detail.delegation}
      </View>
      <View className="card-meta">领衔代表：{detail.leadDeputyName}</View>
      {detail.coSignerNames.length > 0 ? <View className="card-meta">附议代表：{detail.coSignerNames.join('、')}</View> : null}
      {detail.keySupervised ? <View className="card-meta">重点督办</View> : null}
      {/* With the hour: a contact the same day may not be earlier than it (tasks.logContact). */}
      {detail.assignedAt ? <View className="card-meta" id="assigned-date">交办时间：{formatTime(detail.assignedAt)}</View> : null}
    </View>
  );
}

export function DetailView({ id, refreshKey = 0 }: { id: string; refreshKey?: number }) {
  const query = useSuggestion(id, refreshKey);
  const desk = useDeskWidth();
  return (
    <Screen id="detail">
      <QueryView query={query}>
        {(detail) => {
          const allowedOn = (taskId: string) => detail.tasks.find((t) => t.id === taskId)?.allowedActions ?? [];
          const office = detail.allowedActions.includes('suggestions.assign');
          // Adding files is offered where the caller works on the record; the server has the last word.
          const files: FilesOf = {
            items: (target, targetId) => (detail.attachments ?? []).filter((a) => a.target === target && a.targetId === targetId),
            canAdd: (_target, taskId) =>
              !detail.archivedAt &&
              (office ||
                (taskId ? allowedOn(taskId).some((a) => WORKS_ON.has(a)) : detail.tasks.some((t) => t.allowedActions.some((a) => WORKS_ON.has(a))))),
            onChanged: query.reload,
          };
          const about = (
            <>
              <Header detail={detail} />
              {detail.allowedActions.includes('suggestions.assign') ? (
                <Button
                  className={detail.tasks.length === 0 ? 'btn btn-primary' : 'btn btn-default'}
                  id="assign-btn"
                  onClick={() => open(routes.assign(detail.id))}
                >
                  {detail.tasks.length === 0 ? '交办' : '增加承办单位（另行交办）'}
                </Button>
              ) : null}
              {detail.allowedActions.includes('suggestions.disclose') ? (
                <Button className="btn btn-default" id="disclose-btn" onClick={() => open(routes.disclose(detail.id))}>
                  统一公开
                </Button>
              ) : null}
              {detail.allowedActions.includes('suggestions.archive') ? (
                <Button className="btn btn-default" id="archive-btn" onClick={() => open(routes.disclose(detail.id))}>
                  统一归档
                </Button>
              ) : null}
              <View className="section">
                <View className="section-title">建议内容</View>
                <View className="card card-text" id="suggestion-content">
                  {detail.content}
                </View>
                <AttachmentList
                  id="suggestion-files"
                  target="suggestion"
                  targetId={detail.id}
                  items={files.items('suggestion', detail.id)}
                  canAdd={files.canAdd('suggestion')}
                  onChanged={query.reload}
                />
              </View>
            </>
          );
          const tasks = (
            <View className="section" id="tasks">
              <View className="section-title">承办单位</View>
              {detail.tasks.length === 0 ? <View className="state">尚未交办</View> : null}
              {detail.tasks.map((task) => (
                <TaskCard key={task.id} suggestionId={detail.id} task={task} onChanged={query.reload} />
              ))}
            </View>
          );
          const records = (
            <>
              <Replies replies={detail.replies} files={files} />
              <Opinions opinions={detail.opinions} />
              <Contacts
                contacts={detail.contacts}
                confirmable={(c) => allowedOn(c.taskId).includes('contacts.confirm')}
                onChanged={query.reload}
                files={files}
              />
              <Feedbacks feedback={detail.feedback} />
              <Commitments
                commitments={detail.commitments}
                canProgress={(c) => allowedOn(c.taskId).includes('commitments.progress')}
                onProgress={(c) => open(routes.progress(detail.id, c.id))}
              />
            </>
          );
          const timeline = <Timeline events={detail.events} />;
          // At a desk: the suggestion and its records on the left, the units' tasks (what to do now) and
          // the timeline on the right. On a phone: one column, the tasks right after the suggestion.
          return desk ? (
            <View className="desk-columns" id="detail-columns">
              <View className="detail-main">
                {about}
                {records}
              </View>
              <View className="detail-side">
                {tasks}
                {timeline}
              </View>
            </View>
          ) : (
            <View>
              {about}
              {tasks}
              {records}
              {timeline}
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function DetailPage() {
  const { params } = useRouter();
  const shown = useShowCount();
  return <DetailView id={params.id ?? ''} refreshKey={shown} />;
}

export default guarded(DetailPage);

// The in-app inbox of reminders and notices, and the button that subscribes to WeChat reminders.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { NotificationView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { FormError, SubmitButton } from '../../../components/fields';
import { formatTime } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { open } from '../../routes';
import { askSubscription } from './subscribe';

function Inbox({ items }: { items: NotificationView[] }) {
  if (items.length === 0) return <Empty text="暂无消息" />;
  return (
    <View className="list" id="inbox">
      {items.map((n) => (
        <View
          key={n.id}
          className="card message-item"
          onClick={() => {
            if (n.page) open(n.page.startsWith('/') ? n.page : `/${n.page}`);
          }}
        >
          <View className="card-head">
            <Text className="card-title">{n.title}</Text>
            <Text className="tag">{n.readAt ? '已读' : '未读'}</Text>
          </View>
          <View className="card-text">{n.body}</View>
          <View className="card-meta">{formatTime(n.createdAt)}</View>
        </View>
      ))}
    </View>
  );
}

function SubscribeButton({ templateIds }: { templateIds: readonly string[] }) {
  const record = useAction('subscriptions.record');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const subscribe = async () => {
    setOutcome(null);
    setProblem(null);
    let answer;
    try {
      answer = await askSubscription(templateIds);
    } catch {
      return setProblem('未能打开订阅提示，请稍后再试');
    }
    if (answer.results.length === 0) return setProblem('暂未配置消息提醒');
    const response = await record.run(answer);
    if (!response.ok) return;
    const accepted = answer.results.filter((r) => r.accepted).length;
    setOutcome(accepted > 0 ? '已开启办理提醒，到期前会通知您' : '您未同意接收提醒，提醒将只显示在本页');
  };
  return (
    <View className="section">
      <SubmitButton id="subscribe-btn" text="开启办理提醒" pending={record.pending} onClick={() => void subscribe()} />
      {outcome ? (
        <View className="notice" id="subscribe-result">
          {outcome}
        </View>
      ) : null}
      <FormError message={problem ?? record.error?.message} />
    </View>
  );
}

export function MessagesView() {
  const query = useQuery('notifications.mine', {});
  // Loaded with the page, so that the tap itself can open WeChat's prompt.
  const me = useQuery('me', {});
  const templateIds = me.state.status === 'data' ? (me.state.data.subscribeTemplateIds ?? []) : [];
  return (
    <Screen id="messages-page">
      <SubscribeButton templateIds={templateIds} />
      <View className="section-title">消息</View>
      <QueryView query={query}>{(data) => <Inbox items={data.items} />}</QueryView>
    </Screen>
  );
}

export default function MessagesPage() {
  return <MessagesView />;
}

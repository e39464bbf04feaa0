// The in-app inbox of reminders and notices, and the button that subscribes to WeChat reminders.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { MyNotificationsResult, NotificationView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { useShowCount } from '../../../hooks/use-show-count';
import { FormError, SubmitButton } from '../../../components/fields';
import { formatTime } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { open } from '../../routes';
import { askSubscription } from './subscribe';
import { guarded } from '../../../components/page-guard';

function Message({ n, onOpen }: { n: NotificationView; onOpen: (n: NotificationView) => void }) {
  return (
    <View className={n.readAt ? 'card message-item' : 'card message-item message-unread'} id={`message-${n.id}`} onClick={() => onOpen(n)}>
      <View className="card-head">
        <Text className="card-title">{n.title}</Text>
        <Text className={n.readAt ? 'tag' : 'tag tag-strong'}>{n.readAt ? '已读' : '未读'}</Text>
      </View>
      {n.asks || n.settled ? (
        <View className={n.settled ? 'card-meta message-settled' : 'card-meta message-asks'}>
          <Text className={n.settled ? 'tag' : 'tag tag-strong'}>{n.settled ? '已处理' : '待处理'}</Text>{' '}
          {n.settled ? `${n.asks ? `${n.asks}：` : ''}已办理，无需再处理` : `请${n.asks}`}
        </View>
      ) : null}
      {n.deadline ? (
        <View className="card-meta message-deadline">
          {n.deadline.label}：<Text className="nowrap">{n.deadline.date}</Text>
        </View>
      ) : null}
      <View className="card-text">{n.body}</View>
      <View className="card-meta nowrap">{formatTime(n.createdAt)}</View>
    </View>
  );
}

// The 全部已读 result lives in the page, not here: the reload after it remounts the list.
function Inbox({
  data,
  onChanged,
  allDone,
  setAllDone,
}: {
  data: MyNotificationsResult;
  onChanged: () => void;
  allDone: string | null;
  setAllDone: (text: string) => void;
}) {
  const read = useAction('notifications.read');
  if (data.items.length === 0) return <Empty text="暂无消息" />;
  // Opening a message reads it; then its page opens (if it has one).
  const openMessage = async (n: NotificationView) => {
    if (!n.readAt) {
      const response = await read.run({ ids: [n.id] });
      if (response.ok) onChanged();
    }
    if (n.page) open(n.page.startsWith('/') ? n.page : `/${n.page}`);
  };
  const readAll = async () => {
    const response = await read.run({});
    if (response.ok) {
      setAllDone(`已将${response.data.read}条消息标为已读`);
      onChanged();
    }
  };
  return (
    <View>
      <View className="card-head">
        <Text className="card-meta" id="inbox-count">
          共{data.items.length}条，未读{data.unread}条
        </Text>
        {data.unread > 0 ? (
          <Button className="btn btn-default btn-inline" id="read-all" disabled={read.pending || undefined} onClick={() => void readAll()}>
            全部已读
          </Button>
        ) : null}
      </View>
      {allDone ? (
        <View className="notice" id="read-all-result">
          {allDone}
        </View>
      ) : null}
      <FormError message={read.error?.message} />
      <View className="list" id="inbox">
        {data.items.map((n) => (
          <Message key={n.id} n={n} onOpen={(m) => void openMessage(m)} />
        ))}
      </View>
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
    // A browser gets no WeChat message: its reminders are the ones listed on this page.
    const here = process.env.TARO_ENV === 'h5';
    if (accepted === 0) return setOutcome('您未同意接收提醒，提醒将只显示在本页');
    setOutcome(here ? '已开启办理提醒。浏览器中收不到微信消息，到期提醒会列在本页' : '已开启办理提醒，到期前会通过微信通知您');
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

export function MessagesView({ refreshKey = 0 }: { refreshKey?: number }) {
  const [changed, setChanged] = useState(0);
  const [allDone, setAllDone] = useState<string | null>(null);
  const query = useQuery('notifications.mine', {}, refreshKey + changed);
  // Loaded with the page, so that the tap itself can open WeChat's prompt.
  const me = useQuery('me', {});
  const templateIds = me.state.status === 'data' ? (me.state.data.subscribeTemplateIds ?? []) : [];
  return (
    <Screen id="messages-page">
      <SubscribeButton templateIds={templateIds} />
      <View className="section-title">消息</View>
      <QueryView query={query}>{(data) => <Inbox data={data} onChanged={() => setChanged((n) => n + 1)} allDone={allDone} setAllDone={setAllDone} />}</QueryView>
    </Screen>
  );
}

function MessagesPage() {
  const shown = useShowCount();
  return <MessagesView refreshKey={shown} />;
}

export default guarded(MessagesPage);

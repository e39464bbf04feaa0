// The office's home: the deadline reminders of the past week that reached no one (neither WeChat nor
// SMS), each with the person to call and the number to dial (notifications.undelivered).
import { Text, View } from '@tarojs/components';
import type { UndeliveredRemindersResult } from '../../contract';
import { useQuery } from '../../hooks/use-query';
import { formatTime } from '../../components/format';
import { QueryView } from '../../components/query-view';

function List({ data }: { data: UndeliveredRemindersResult }) {
  if (data.items.length === 0) return <View className="card-meta">近7天的期限提醒都已送达</View>;
  return (
    <View className="list" id="undelivered-list">
      <View className="card-meta" id="undelivered-count">
        {data.since}以来有{data.items.length}条期限提醒没有送达，请电话告知：
      </View>
      {data.items.map((n) => (
        <View className="card undelivered-item" key={n.id} id={`undelivered-${n.id}`}>
          <View className="card-head">
            <Text className="card-title">{n.person.name}</Text>
            {n.person.phone ? <Text className="tag nowrap">{n.person.phone}</Text> : <Text className="tag">名册无电话</Text>}
          </View>
          <View className="card-meta">
            {n.person.unitName ? `${n.person.unitName} · ` : ''}
            {n.title}
          </View>
          <View className="card-meta undelivered-reason">未送达原因：{n.reason}</View>
          <View className="card-meta nowrap">{formatTime(n.createdAt)}</View>
        </View>
      ))}
    </View>
  );
}

export function UndeliveredHome({ refreshKey }: { refreshKey: number }) {
  const query = useQuery('notifications.undelivered', {}, refreshKey);
  return (
    <View className="section home-aside" id="undelivered-home">
      <View className="section-title">未送达的期限提醒</View>
      <QueryView query={query}>{(data) => <List data={data} />}</QueryView>
    </View>
  );
}

// A deputy's home: the suggestions he or she raised or co-signed, with status and reply due date.
import { Text, View } from '@tarojs/components';
import type { SuggestionListData } from '../../api/views';
import { useQuery } from '../../hooks/use-query';
import { QueryView } from '../../components/query-view';
import { Empty } from '../../components/state-views';

const STATUS_TEXT: Record<string, string> = {
  pending: '待交办',
  handling: '办理中',
  replied: '已答复',
  closed: '已办结',
  disclosed: '已公开',
  archived: '已归档',
};

export function DeputyHome() {
  const query = useQuery<SuggestionListData>('suggestions.list', {});
  return (
    <View className="section" id="deputy-home">
      <View className="section-title">我的建议</View>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty text="暂无建议" />
          ) : (
            <View className="list">
              {data.items.map((item) => (
                <View key={item.id} className="card suggestion-item" id={`suggestion-${item.number}`}>
                  <View className="card-head">
                    <Text className="card-number">{item.number}号</Text>
                    <Text className="tag">{STATUS_TEXT[item.status] ?? item.status}</Text>
                  </View>
                  <View className="card-title">{item.title}</View>
                  {item.replyDue ? <View className="card-meta">答复期限：{item.replyDue}</View> : null}
                </View>
              ))}
            </View>
          )
        }
      </QueryView>
    </View>
  );
}

// A deputy's home: the suggestions he or she raised or co-signed, each with its steps and dates;
// the office's coordinator sees every suggestion the same way.
import { View } from '@tarojs/components';
import { useQuery } from '../../hooks/use-query';
import { QueryView } from '../../components/query-view';
import { Empty } from '../../components/state-views';
import { SuggestionList } from '../../components/suggestion-list';
import { open, routes } from '../routes';

export function SuggestionsHome({ title, deputy, refreshKey }: { title: string; deputy: boolean; refreshKey: number }) {
  const query = useQuery('suggestions.list', { pageSize: 100 }, refreshKey);
  return (
    <View className="section" id={deputy ? 'deputy-home' : 'office-home'}>
      <View className="section-title">{title}</View>
      <QueryView query={query}>
        {(data) => (data.items.length === 0 ? <Empty text="暂无建议" /> : <SuggestionList items={data.items} showSteps={deputy} onOpen={(id) => open(routes.detail(id))} />)}
      </QueryView>
    </View>
  );
}

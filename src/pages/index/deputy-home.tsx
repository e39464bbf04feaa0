// A deputy's home: the suggestions he or she raised or co-signed, each with its steps and dates.
// The office's coordinator sees here the few whose deadline is nearest and the count of all, with
// the way to the full list (全部建议: search, filters, pages).
import { Button, View } from '@tarojs/components';
import { useQuery } from '../../hooks/use-query';
import { QueryView } from '../../components/query-view';
import { Empty } from '../../components/state-views';
import { SuggestionList } from '../../components/suggestion-list';
import { open, routes } from '../routes';

/** How many of all suggestions the office's home shows. */
export const OFFICE_HOME_COUNT = 5;

export function SuggestionsHome({ title, deputy, refreshKey }: { title: string; deputy: boolean; refreshKey: number }) {
  const query = useQuery('suggestions.list', deputy ? { pageSize: 100 } : { pageSize: OFFICE_HOME_COUNT, sort: 'replyDue' }, refreshKey);
  return (
    <View className="section" id={deputy ? 'deputy-home' : 'office-home'}>
      <View className="section-title">{title}</View>
      <QueryView query={query}>
        {(data) => {
          if (data.items.length === 0) return <Empty text="暂无建议" />;
          const list = <SuggestionList items={data.items} showSteps={deputy} onOpen={(id) => open(routes.detail(id))} />;
          if (deputy) return list;
          return (
            <View>
              <View className="card-meta" id="office-home-note">
                共{data.total}件，期限最近的{data.items.length}件：
              </View>
              {list}
              <Button className="btn btn-primary" id="all-suggestions-link" onClick={() => open(routes.allSuggestions)}>
                查看全部{data.total}件（搜索、筛选）
              </Button>
            </View>
          );
        }}
      </QueryView>
    </View>
  );
}

// 全部建议, the office's list of every suggestion: a search (建议号、标题、领衔代表), filters and a sort
// (the list parameters), the count of every match and twenty a page with 加载更多. The choices stay
// when the person opens a suggestion and comes back. At desk width the cards stand side by side.
import { View } from '@tarojs/components';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty, MorePages } from '../../../components/state-views';
import { SuggestionList } from '../../../components/suggestion-list';
import { CaseFilterBar, listParameters, useRememberedQuery, type FilterField } from '../../../components/case-filters';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useFilterOptions } from '../../../hooks/use-filter-options';
import { open, routes } from '../../routes';
import { guarded } from '../../../components/page-guard';

const PAGE_SIZE = 20;
const FIELDS: FilterField[] = ['year', 'unit', 'status', 'deadline', 'keySupervised', 'replyClass', 'satisfaction', 'phase'];

export function AllSuggestionsView() {
  const [choice, setChoice] = useRememberedQuery('suggestions');
  const options = useFilterOptions(choice.unitId);
  const query = listParameters(choice);
  const list = usePagedList('suggestions.list', query, PAGE_SIZE, (item) => item.id);
  const { rows, total, hasMore, pending, error, loadMore } = list;
  const filtered = Object.keys(query).some((k) => k !== 'sort' && k !== 'order');
  return (
    <Screen id="suggestions-page">
      <View className="section-title">全部建议</View>
      <CaseFilterBar id="suggestions" fields={FIELDS} value={choice} onChange={setChoice} units={options.units} years={options.years} />
      <QueryView query={list.first}>
        {() => {
          if (total === 0) return <Empty text={filtered ? '没有符合条件的建议' : '暂无建议'} />;
          return (
            <View>
              <View className="card-meta" id="suggestions-count">
                共{total}件，已显示{rows.length}件
              </View>
              <SuggestionList id="suggestions" className="desk-grid" items={rows} showSteps={false} onOpen={(id) => open(routes.detail(id))} />
              <MorePages id="suggestions" hasMore={hasMore} pending={pending} error={error} onMore={loadMore} endNote />
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function AllSuggestionsPage() {
  return <AllSuggestionsView />;
}

export default guarded(AllSuggestionsPage);

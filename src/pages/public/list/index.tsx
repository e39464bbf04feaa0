// The public's page, readable without login or binding: what the office disclosed (统一公开), by year
// and unit, with a search; each opens the reply in full as disclosed.
import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PublicListData, PublicListResult, PublicSuggestionItem } from '../../../contract';
import { useQuery } from '../../../hooks/use-query';
import { formatDate } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { open, routes } from '../../routes';
import { guarded } from '../../../components/page-guard';
import { useDemoLogin } from './demo-login';

const PAGE_SIZE = 20;

function Item({ item }: { item: PublicSuggestionItem }) {
  return (
    <View className="card public-item" id={`public-${item.id}`} onClick={() => open(routes.publicReply(item.id))}>
      <View className="card-head">
        <Text className="card-number">{item.number}号</Text>
        <Text className="tag">{item.year}年</Text>
      </View>
      <View className="card-title">{item.title}</View>
      <View className="card-meta">领衔代表：{item.leadDeputyName}</View>
      {item.unitNames.length > 0 ? <View className="card-meta">承办单位：{item.unitNames.join('、')}</View> : null}
      <View className="card-meta">
        公开日期：<Text className="nowrap">{formatDate(item.disclosedAt)}</Text>
      </View>
    </View>
  );
}

/** Who has no identity yet: the binding, and in the local browser build with demo data the demo login. */
function Visitor({ bound }: { bound: boolean }) {
  const demo = useDemoLogin();
  if (bound) return null;
  return (
    <View className="notice" id="public-visitor">
      <View>代表和办理人员绑定身份后可以办理和查看自己的建议。</View>
      <View className="nav-row">
        <Button className="btn btn-default" id="public-bind" onClick={() => open(routes.bind)}>
          绑定身份
        </Button>
        {demo ? (
          <Button className="btn btn-default" id="public-demo-login" onClick={() => window.location.assign('/dev/login')}>
            演示登录
          </Button>
        ) : null}
      </View>
    </View>
  );
}

function Filters({ data, filter, change }: { data: PublicListResult; filter: PublicListData; change: (next: Partial<PublicListData>) => void }) {
  const yearIndex = data.years.findIndex((y) => y === filter.year);
  const unitIndex = data.units.findIndex((u) => u.id === filter.unitId);
  return (
    <View className="filter-row">
      <Picker
        className="filter-item"
        mode="selector"
        range={['全部年度', ...data.years.map((y) => `${y}年`)]}
        value={yearIndex + 1}
        onChange={(e) => {
          const i = Number(e.detail.value) - 1;
          change({ year: i >= 0 ? data.years[i] : undefined });
        }}
      >
        <View className="input picker" id="public-year">
          {yearIndex >= 0 ? `${data.years[yearIndex]}年` : '全部年度'} ▾
        </View>
      </Picker>
      <Picker
        className="filter-item"
        mode="selector"
        range={['全部单位', ...data.units.map((u) => u.name)]}
        value={unitIndex + 1}
        onChange={(e) => {
          const i = Number(e.detail.value) - 1;
          change({ unitId: i >= 0 ? data.units[i]?.id : undefined });
        }}
      >
        <View className="input picker" id="public-unit">
          {data.units[unitIndex]?.name ?? '全部单位'} ▾
        </View>
      </Picker>
    </View>
  );
}

export function PublicListView({ bound = false }: { bound?: boolean }) {
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<PublicListData>({ page: 1, pageSize: PAGE_SIZE });
  const query = useQuery('public.list', filter);
  const change = (next: Partial<PublicListData>) => setFilter((f) => ({ ...f, page: 1, ...next }));
  return (
    <Screen id="public-page">
      <View className="section-title">建议办理结果公开</View>
      <View className="search-row">
        <Input
          id="public-keyword"
          className="input"
          value={typed}
          placeholder="建议号或标题"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => change({ keyword: typed.trim() || undefined })}
        />
        <Button className="btn btn-primary btn-inline" id="public-search" onClick={() => change({ keyword: typed.trim() || undefined })}>
          搜索
        </Button>
      </View>
      <QueryView query={query}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <View>
              <Filters data={data} filter={filter} change={change} />
              <View className="card-meta" id="public-count">
                共{data.total}件{data.total > 0 ? `，第${data.page}/${pages}页` : ''}
              </View>
              {data.items.length === 0 ? (
                <Empty text="没有符合条件的公开建议" />
              ) : (
                <View className="list" id="public-list">
                  {data.items.map((item) => (
                    <Item key={item.id} item={item} />
                  ))}
                </View>
              )}
              {pages > 1 ? (
                <View className="nav-row">
                  {data.page > 1 ? (
                    <Button className="btn btn-default" id="public-prev" onClick={() => setFilter((f) => ({ ...f, page: data.page - 1 }))}>
                      上一页
                    </Button>
                  ) : null}
                  {data.page < pages ? (
                    <Button className="btn btn-default" id="public-next" onClick={() => setFilter((f) => ({ ...f, page: data.page + 1 }))}>
                      下一页
                    </Button>
                  ) : null}
                </View>
              ) : null}
            </View>
          );
        }}
      </QueryView>
      <Visitor bound={bound} />
    </Screen>
  );
}

function PublicListPage() {
  const bound = Taro.getCurrentInstance().router?.params?.bound === '1';
  return <PublicListView bound={bound} />;
}

export default guarded(PublicListPage);

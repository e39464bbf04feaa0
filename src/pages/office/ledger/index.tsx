// 台账: one card per unit's task, with its responsible person, deadline, reply class, 面复 and the
// deputy's rating; overdue ones say so in words. Page by page (20 a page).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { LedgerRow } from '../../../core/contract';
import { useQuery } from '../../../hooks/use-query';
import { SubmitButton } from '../../../components/fields';
import { formatDate } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { open, routes } from '../../routes';

const PAGE_SIZE = 20;

function Row({ row }: { row: LedgerRow }) {
  return (
    <View className="card ledger-row" id={`ledger-${row.taskId}`} onClick={() => open(routes.detail(row.suggestionId))}>
      <View className="card-head">
        <Text className="card-number">
          {row.number}号 · {row.unitName}（{row.roleLabel}）
        </Text>
        <Text className="tag">{row.stateLabel}</Text>
      </View>
      <View className="card-title">{row.title}</View>
      <View className="card-meta">
        领衔代表：{row.leadDeputyName}
        {row.responsibleName ? ` · 办理责任人：${row.responsibleName}` : ' · 尚未认领'}
      </View>
      <View className="card-meta">
        答复期限：{row.replyDue}
        {row.overdue ? <Text className="overdue">（已超期）</Text> : null}
        {row.repliedAt ? ` · 答复：${formatDate(row.repliedAt)}` : ''}
        {row.replyClass ? ` · ${row.replyClass}类` : ''}
      </View>
      <View className="card-meta">
        面复：{row.faceToFace ? '已面复' : '未面复'}
        {row.attitudeLabel ? ` · 评价：态度${row.attitudeLabel}、结果${row.resultLabel ?? ''}` : ''}
      </View>
    </View>
  );
}

export function LedgerView() {
  const [page, setPage] = useState(1);
  const query = useQuery('ledger.list', { page, pageSize: PAGE_SIZE });
  return (
    <Screen id="ledger-page">
      <View className="section-title">办理台账</View>
      <QueryView query={query}>
        {(result) => {
          if (result.total === 0) return <Empty text="台账中还没有办理任务" />;
          const pages = Math.ceil(result.total / PAGE_SIZE);
          return (
            <View>
              <View className="card-meta" id="ledger-count">
                共{result.total}项 · 第{page}页，共{pages}页
              </View>
              <View className="list" id="ledger">
                {result.items.map((row) => (
                  <Row key={row.taskId} row={row} />
                ))}
              </View>
              {page > 1 ? <SubmitButton id="ledger-prev" kind="default" text="上一页" pending={false} onClick={() => setPage(page - 1)} /> : null}
              {page < pages ? <SubmitButton id="ledger-next" kind="default" text="下一页" pending={false} onClick={() => setPage(page + 1)} /> : null}
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

export default function LedgerPage() {
  return <LedgerView />;
}

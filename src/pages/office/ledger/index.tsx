// 台账: one card per unit's task, with its responsible person, deadline, reply class, 面复 and the
// deputy's rating; overdue ones say so in words. Twenty a page, the next ones on 加载更多.
import { Button, Text, View } from '@tarojs/components';
import type { LedgerRow } from '../../../contract';
import { formatDate } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty, ErrorView } from '../../../components/state-views';
import { open, routes } from '../../routes';
import { useLedgerPages } from './use-ledger-pages';
import { Phrases } from '../../../components/phrases';

const PAGE_SIZE = 20;

function Row({ row }: { row: LedgerRow }) {
  return (
    <View className="card ledger-row" id={`ledger-${row.taskId}`} onClick={() => open(routes.detail(row.suggestionId))}>
      <View className="card-head">
        <Phrases className="card-number" text={`${row.number}号 · ${row.unitName}（${row.roleLabel}）`} />
        <Text className="tag">{row.stateLabel}</Text>
      </View>
      <View className="card-title">{row.title}</View>
      <View className="card-meta">
        领衔代表：{row.leadDeputyName}
        {row.responsibleName ? ` · 办理责任人：${row.responsibleName}` : ' · 尚未认领'}
      </View>
      <View className="card-meta">
        {row.dueDate ? (
          <>
            {row.dueLabel}：<Text className="nowrap">{row.dueDate}</Text>
            {row.overdue ? <Text className="overdue">（已超期）</Text> : row.daysLeftText ? `（${row.daysLeftText}）` : null}
          </>
        ) : (
          <>
            答复期限：<Text className="nowrap">{row.replyDue}</Text>
          </>
        )}
        {row.repliedAt ? ` · 答复：${formatDate(row.repliedAt)}` : ''}
        {row.replyClass ? ` · ${row.replyClass}类` : ''}
      </View>
      <View className="card-meta">
        面复：{row.faceToFace ? '已面复' : '未面复'}
        {row.attitudeLabel ? ` · 评价：态度${row.attitudeLabel}、结果${row.resultLabel ?? ''}` : ''}
        {row.closedAt ? ` · 办结：${formatDate(row.closedAt)}` : ''}
      </View>
    </View>
  );
}

export function LedgerView() {
  const ledger = useLedgerPages(PAGE_SIZE);
  const { rows, total, hasMore, pending, error, loadMore } = ledger;
  return (
    <Screen id="ledger-page">
      <View className="section-title">办理台账</View>
      <QueryView query={ledger.first}>
        {() => {
          if (total === 0) return <Empty text="台账中还没有办理任务" />;
          const overdue = rows.filter((r) => r.overdue).length;
          return (
            <View>
              <View className="card-meta" id="ledger-count">
                共{total}项，已显示{rows.length}项{overdue > 0 ? `，其中已超期${overdue}项` : ''}
              </View>
              <View className="list" id="ledger">
                {rows.map((row) => (
                  <Row key={row.taskId} row={row} />
                ))}
              </View>
              {error ? <ErrorView error={error} onRetry={loadMore} /> : null}
              {hasMore && !error ? (
                <Button className="btn btn-default" id="ledger-more" disabled={pending || undefined} onClick={() => (pending ? undefined : loadMore())}>
                  {pending ? '正在加载…' : '加载更多'}
                </Button>
              ) : null}
              {!hasMore ? (
                <View className="state" id="ledger-end">
                  已全部显示
                </View>
              ) : null}
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

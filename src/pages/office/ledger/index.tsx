// 台账: one row per unit's task, with its responsible person, deadline, reply class, 面复 and the
// deputy's rating; overdue ones say so in words. A search, filters and a sort (the list parameters),
// the count of every match, twenty a page with 加载更多, and the export of every match as an Excel
// workbook. On a phone each task is a card; in a browser at desk width, a table.
import { Button, Text, View } from '@tarojs/components';
import type { LedgerRow } from '../../../contract';
import { call } from '../../../api/client';
import { formatDate } from '../../../components/format';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty, MorePages } from '../../../components/state-views';
import { CaseFilterBar, listParameters, useRememberedQuery, type FilterField } from '../../../components/case-filters';
import { useFileLink } from '../../../components/file-link';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useFilterOptions } from '../../../hooks/use-filter-options';
import { useDeskWidth } from '../../../hooks/use-desk-width';
import { open, routes } from '../../routes';
import { Phrases } from '../../../components/phrases';
import { guarded } from '../../../components/page-guard';

const PAGE_SIZE = 20;
const FIELDS: FilterField[] = ['year', 'unit', 'state', 'role', 'deadline', 'keySupervised', 'replyClass', 'satisfaction', 'phase', 'responsible'];

function Due({ row }: { row: LedgerRow }) {
  return row.dueDate ? (
    <>
      {row.dueLabel}：<Text className="nowrap">{row.dueDate}</Text>
      {row.overdue ? <Text className="overdue">（已超期）</Text> : row.daysLeftText ? `（${row.daysLeftText}）` : null}
    </>
  ) : (
    <>
      答复期限：<Text className="nowrap">{row.replyDue}</Text>
    </>
  );
}

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
        <Due row={row} />
        {row.repliedAt ? (
          <>
            {' · 答复：'}
            <Text className="nowrap ledger-replied">{formatDate(row.repliedAt)}</Text>
          </>
        ) : null}
        {row.replyClass ? ` · ${row.replyClass}类` : ''}
      </View>
      <View className="card-meta">
        面复：{row.faceToFace ? '已面复' : '未面复'}
        {row.attitudeLabel ? ` · 评价：态度${row.attitudeLabel}、结果${row.resultLabel ?? ''}` : ''}
        {row.closedAt ? (
          <>
            {' · 办结：'}
            <Text className="nowrap ledger-closed">{formatDate(row.closedAt)}</Text>
          </>
        ) : null}
      </View>
    </View>
  );
}

const COLUMNS = ['建议号', '标题', '承办单位', '办理方式', '状态', '期限', '答复类别', '满意度'];

/** The same rows as a table, instead of the cards, in a browser at desk width. */
function Table({ rows }: { rows: LedgerRow[] }) {
  return (
    <View className="data-table" id="ledger-table">
      <View className="data-row data-head">
        {COLUMNS.map((c) => (
          <View key={c} className="data-cell">
            {c}
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.taskId} className="data-row ledger-table-row" id={`ledger-table-${row.taskId}`} onClick={() => open(routes.detail(row.suggestionId))}>
          <View className="data-cell nowrap">{row.number}</View>
          <View className="data-cell ledger-title-cell">
            {row.title}
            <View className="card-meta">领衔代表：{row.leadDeputyName}</View>
          </View>
          <View className="data-cell">
            {row.unitName}
            {row.responsibleName ? <View className="card-meta">责任人：{row.responsibleName}</View> : null}
          </View>
          <View className="data-cell nowrap">{row.roleLabel}</View>
          <View className="data-cell">{row.stateLabel}</View>
          <View className="data-cell">
            <Due row={row} />
          </View>
          <View className="data-cell nowrap">{row.replyClass ? `${row.replyClass}类` : '—'}</View>
          <View className="data-cell">{row.attitudeLabel ? `态度${row.attitudeLabel}、结果${row.resultLabel ?? ''}` : '—'}</View>
        </View>
      ))}
    </View>
  );
}

/** 导出Excel: every row matching the filters in force; downloaded in the browser, sent to a chat in WeChat. */
function Export({ query, total }: { query: Record<string, unknown>; total: number }) {
  const { pending: making, error, kept, run, send } = useFileLink(() => call('ledger.export', { ...query, format: 'xlsx' }));
  const pending = making !== null;
  return (
    <View className="ledger-export" id="ledger-export">
      <Button className="btn btn-default" id="ledger-export-btn" disabled={pending || total === 0 || undefined} onClick={() => (pending || total === 0 ? undefined : void run('xlsx'))}>
        {pending ? '正在导出…' : `导出Excel（${total}项）`}
      </Button>
      {error ? <View className="form-error">{error.message}</View> : null}
      {kept ? (
        <View className="notice" id="ledger-export-result">
          {kept.kind === 'downloaded' ? `已下载：${kept.filename}` : `已生成：${kept.filename}`}
          {kept.kind === 'written' ? (
            <Button className="btn btn-primary" id="ledger-export-send" onClick={() => void send(kept)}>
              发送到聊天
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

export function LedgerView() {
  const [choice, setChoice] = useRememberedQuery('ledger');
  const options = useFilterOptions(choice.unitId);
  const query = listParameters(choice);
  const ledger = usePagedList('ledger.list', query, PAGE_SIZE, (row) => row.taskId);
  const { rows, total, hasMore, pending, error, loadMore } = ledger;
  const desk = useDeskWidth();
  const filtered = Object.keys(query).some((k) => k !== 'sort' && k !== 'order');
  return (
    <Screen id="ledger-page">
      <View className="section-title">办理台账</View>
      <CaseFilterBar
        id="ledger"
        fields={FIELDS}
        value={choice}
        onChange={setChoice}
        units={options.office ? options.units : []}
        people={options.people}
        years={options.years}
      />
      <QueryView query={ledger.first}>
        {() => {
          if (total === 0) return <Empty text={filtered ? '没有符合条件的办理任务' : '台账中还没有办理任务'} />;
          const overdue = rows.filter((r) => r.overdue).length;
          return (
            <View>
              <View className="card-meta" id="ledger-count">
                共{total}项，已显示{rows.length}项{overdue > 0 ? `，其中已超期${overdue}项` : ''}
              </View>
              <Export key={JSON.stringify(query)} query={query as Record<string, unknown>} total={total} />
              {desk ? (
                <Table rows={rows} />
              ) : (
                <View className="list" id="ledger">
                  {rows.map((row) => (
                    <Row key={row.taskId} row={row} />
                  ))}
                </View>
              )}
              <MorePages id="ledger" hasMore={hasMore} pending={pending} error={error} onMore={loadMore} endNote />
            </View>
          );
        }}
      </QueryView>
    </Screen>
  );
}

function LedgerPage() {
  return <LedgerView />;
}

export default guarded(LedgerPage);

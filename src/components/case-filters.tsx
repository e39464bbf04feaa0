// The office's two lists (全部建议 and the 台账) share one search box and one panel of filters and
// sorts, which map one to one onto the list parameters (docs/list-parameters.md). Every choice is a
// large button with its word; the units (there may be two hundred) are found by typing part of the name.
import { useMemo, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { CaseFilters, SortOrder, UnitView, UserView } from '../contract';
import type { Phase, Rating, ReplyClass, SuggestionStatus, TaskState, UnitRole } from '../core/model';
import { PHASE_LABELS, RATING_LABELS, SUGGESTION_STATUS_LABELS, TASK_STATE_LABELS, UNIT_ROLE_LABELS } from '../core/labels';

export type CaseSort = 'number' | 'replyDue' | 'assignedAt';

/** What the user chose: the filters, the search text and the sort, exactly as the list takes them. */
export interface CaseListQuery extends CaseFilters {
  sort?: CaseSort;
  order?: SortOrder;
}

/** The filters a list offers; the panel shows these and no others. */
export type FilterField =
  | 'year'
  | 'unit'
  | 'status'
  | 'state'
  | 'role'
  | 'deadline'
  | 'keySupervised'
  | 'replyClass'
  | 'satisfaction'
  | 'phase'
  | 'responsible';

type Deadline = 'overdue' | 'atRisk' | 'notOverdue';
// 临期 names no number of days: the policy's (on the server) decides how near a deadline counts.
const DEADLINE_LABELS: Record<Deadline, string> = { overdue: '已超期', atRisk: '临期（即将到期）', notOverdue: '未超期' };
const SORT_LABELS: Record<CaseSort, string> = { number: '按建议号', replyDue: '按最近期限', assignedAt: '按交办日期' };
const SATISFACTION_LABELS: Record<Rating | 'none', string> = { ...RATING_LABELS, none: '尚未评价' };
const KEY_LABELS = { yes: '重点督办', no: '非重点督办' } as const;

const entries = <K extends string>(labels: Record<K, string>) => Object.entries(labels) as [K, string][];

function deadlineOf(q: CaseListQuery): Deadline | undefined {
  if (q.overdue === true) return 'overdue';
  if (q.atRisk === true) return 'atRisk';
  if (q.overdue === false) return 'notOverdue';
  return undefined;
}

function withDeadline(q: CaseListQuery, d: Deadline | undefined): CaseListQuery {
  const { overdue: _o, atRisk: _a, ...rest } = q;
  if (d === 'overdue') return { ...rest, overdue: true };
  if (d === 'atRisk') return { ...rest, atRisk: true };
  if (d === 'notOverdue') return { ...rest, overdue: false };
  return rest;
}

/**
 * The request parameters for a choice: empty and unset fields left out (the server's defaults apply),
 * the search text trimmed, a unit's 办理责任人 dropped when the unit changes to another.
 */
export function listParameters(q: CaseListQuery): CaseListQuery {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = k === 'keyword' ? String(v).trim() : v;
  }
  if (out.keyword === '') delete out.keyword;
  if (out.sort === 'number' && out.order !== 'desc') delete out.sort;
  if (out.order === 'asc') delete out.order;
  return out as CaseListQuery;
}

/** The years a year filter offers: those with data (the server's, latest first), and the chosen one even when it has none. */
export function yearChoices(withData: readonly number[], chosen: number | undefined): number[] {
  const years = new Set(withData);
  if (chosen !== undefined) years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

/** The choices in force, in words: 2026年 · 市民政局 · 已超期. */
export function filterWords(q: CaseListQuery, units: readonly UnitView[], people: readonly UserView[] = []): string[] {
  const words: string[] = [];
  if (q.year !== undefined) words.push(`${q.year}年`);
  if (q.unitId) words.push(units.find((u) => u.id === q.unitId)?.name ?? '所选单位');
  if (q.status) words.push(SUGGESTION_STATUS_LABELS[q.status]);
  if (q.state) words.push(TASK_STATE_LABELS[q.state]);
  if (q.role) words.push(UNIT_ROLE_LABELS[q.role]);
  const deadline = deadlineOf(q);
  if (deadline) words.push(DEADLINE_LABELS[deadline]);
  if (q.keySupervised !== undefined) words.push(q.keySupervised ? KEY_LABELS.yes : KEY_LABELS.no);
  if (q.replyClass) words.push(`答复${q.replyClass}类`);
  if (q.satisfaction) words.push(q.satisfaction === 'none' ? '尚未评价' : `评价${SATISFACTION_LABELS[q.satisfaction]}`);
  if (q.phase) words.push(PHASE_LABELS[q.phase]);
  if (q.responsibleUserId) words.push(`责任人${people.find((p) => p.id === q.responsibleUserId)?.name ?? ''}`);
  return words;
}

/** One group of choice buttons, 全部 first unless noAll; the chosen one is marked by ✓ as well as by its border. */
function Choices<V extends string>(props: { id: string; label: string; value: V | undefined; choices: [V, string][]; onChange: (v: V | undefined) => void; noAll?: boolean }) {
  const { id, label, value, choices, onChange, noAll } = props;
  const all: [V | undefined, string][] = noAll ? choices : [[undefined, '全部'], ...choices];
  return (
    <View className="field" id={id}>
      <Text className="field-label">{label}</Text>
      <View className="choices">
        {all.map(([v, text]) => (
          <Button key={v ?? 'all'} id={`${id}-${v ?? 'all'}`} className={v === value ? 'choice choice-on' : 'choice'} onClick={() => onChange(v)}>
            {v === value ? `✓ ${text}` : text}
          </Button>
        ))}
      </View>
    </View>
  );
}

const MAX_SHOWN_UNITS = 12;

/** 承办单位: type part of the name, tap the unit; the chosen one is named with a button to undo it. */
export function UnitPicker(props: { id: string; units: readonly UnitView[]; value: string | undefined; onChange: (unitId: string | undefined) => void }) {
  const { id, units, value, onChange } = props;
  const [typed, setTyped] = useState('');
  const chosen = units.find((u) => u.id === value);
  const text = typed.trim();
  const matches = useMemo(() => (text ? units.filter((u) => u.name.includes(text)) : units), [units, text]);
  return (
    <View className="field" id={id}>
      <Text className="field-label">承办单位</Text>
      {chosen ? (
        <View className="search-row">
          <Text className="unit-chosen" id={`${id}-chosen`}>
            ✓ {chosen.name}
          </Text>
          <Button className="btn btn-default btn-inline" id={`${id}-clear`} onClick={() => onChange(undefined)}>
            全部单位
          </Button>
        </View>
      ) : (
        <View>
          <Input id={`${id}-search`} className="input" value={typed} placeholder="输入单位名称查找" onInput={(e) => setTyped(e.detail.value)} />
          <View className="choices unit-choices">
            {matches.slice(0, MAX_SHOWN_UNITS).map((u) => (
              <Button key={u.id} id={`${id}-${u.id}`} className="choice" onClick={() => (onChange(u.id), setTyped(''))}>
                {u.name}
              </Button>
            ))}
          </View>
          <Text className="field-hint">
            {matches.length === 0 ? '没有名称含此文字的单位' : matches.length > MAX_SHOWN_UNITS ? `共${matches.length}个单位，请输入名称缩小范围` : `共${matches.length}个单位`}
          </Text>
        </View>
      )}
    </View>
  );
}

export interface CaseFilterProps {
  /** Prefix of every element id: 'ledger' gives ledger-keyword, ledger-filter-state … */
  id: string;
  fields: readonly FilterField[];
  value: CaseListQuery;
  onChange: (next: CaseListQuery) => void;
  /** The units to pick from (the office's); none: no unit choice (a unit's staff see their own). */
  units?: readonly UnitView[];
  /** The 办理责任人 to pick from (the handlers of the chosen or own unit). */
  people?: readonly UserView[];
  /** The years with suggestions (stats.years): the year filter offers these only, and is absent without any. */
  years?: readonly number[];
  /** What the search looks in (shown above the box), and the box's hint. */
  label?: string;
  placeholder?: string;
}

const remembered = new Map<string, CaseListQuery>();

/**
 * The choices of one list, kept for the rest of the visit: going to a suggestion and back (or home
 * and back) finds the list as it was left.
 */
export function useRememberedQuery(listKey: string, initial: CaseListQuery = {}): [CaseListQuery, (next: CaseListQuery) => void] {
  const [value, setValue] = useState<CaseListQuery>(() => remembered.get(listKey) ?? initial);
  const change = (next: CaseListQuery) => {
    remembered.set(listKey, next);
    setValue(next);
  };
  return [value, change];
}

/** Forgets every list's choices, as a new visit would start. */
export function forgetRememberedQueries(): void {
  remembered.clear();
}

/** The search box, the summary of the choices in force (清除筛选) and the panel of filters and sorts. */
export function CaseFilterBar({ id, fields, value, onChange, units = [], people = [], years: withData = [], label = '搜索建议号、标题或领衔代表', placeholder = '如：1001' }: CaseFilterProps) {
  const [typed, setTyped] = useState(value.keyword ?? '');
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<CaseListQuery>) => onChange({ ...value, ...patch });
  const search = () => set({ keyword: typed.trim() || undefined });
  const words = filterWords(value, units, people);
  const has = (f: FilterField) => fields.includes(f);
  const years = yearChoices(withData, value.year);
  return (
    <View className="case-filters" id={`${id}-filters`}>
      <Text className="field-label">{label}</Text>
      <View className="search-row">
        <Input
          id={`${id}-keyword`}
          className="input"
          value={typed}
          placeholder={placeholder}
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
        />
        <Button className="btn btn-primary btn-inline" id={`${id}-search`} onClick={search}>
          搜索
        </Button>
      </View>
      {value.keyword ? (
        <View className="card-meta" id={`${id}-searching`}>
          搜索：“{value.keyword}”
          <Button className="btn btn-default btn-inline" id={`${id}-search-clear`} onClick={() => (setTyped(''), set({ keyword: undefined }))}>
            清除搜索
          </Button>
        </View>
      ) : null}
      <View className="nav-row">
        <Button className="btn btn-default" id={`${id}-filter-toggle`} onClick={() => setOpen(!open)}>
          {open ? '收起筛选' : words.length > 0 ? `筛选与排序（已选${words.length}项）` : '筛选与排序'}
        </Button>
        {words.length > 0 ? (
          <Button className="btn btn-default" id={`${id}-filter-clear`} onClick={() => onChange({ keyword: value.keyword, sort: value.sort, order: value.order })}>
            清除筛选
          </Button>
        ) : null}
      </View>
      {words.length > 0 ? (
        <View className="card-meta" id={`${id}-filter-words`}>
          已选：{words.join(' · ')}
        </View>
      ) : null}
      {open ? (
        <View className="card filter-panel" id={`${id}-filter-panel`}>
          <Choices<CaseSort>
            id={`${id}-sort`}
            label="排序"
            noAll
            value={value.sort ?? 'number'}
            choices={entries(SORT_LABELS)}
            onChange={(sort) => set({ sort: sort ?? 'number', order: undefined })}
          />
          {has('year') && years.length > 0 ? (
            <Choices<string>
              id={`${id}-year`}
              label="年度（交办）"
              value={value.year === undefined ? undefined : String(value.year)}
              choices={years.map((y) => [String(y), `${y}年`])}
              onChange={(y) => set({ year: y === undefined ? undefined : Number(y) })}
            />
          ) : null}
          {has('unit') && units.length > 0 ? (
            <UnitPicker id={`${id}-unit`} units={units} value={value.unitId} onChange={(unitId) => set({ unitId, responsibleUserId: undefined })} />
          ) : null}
          {has('status') ? (
            <Choices<SuggestionStatus> id={`${id}-status`} label="建议状态" value={value.status} choices={entries(SUGGESTION_STATUS_LABELS)} onChange={(status) => set({ status })} />
          ) : null}
          {has('state') ? (
            <Choices<TaskState> id={`${id}-state`} label="办理状态" value={value.state} choices={entries(TASK_STATE_LABELS)} onChange={(state) => set({ state })} />
          ) : null}
          {has('role') ? <Choices<UnitRole> id={`${id}-role`} label="办理方式" value={value.role} choices={entries(UNIT_ROLE_LABELS)} onChange={(role) => set({ role })} /> : null}
          {has('deadline') ? (
            <Choices<Deadline> id={`${id}-deadline`} label="办理期限" value={deadlineOf(value)} choices={entries(DEADLINE_LABELS)} onChange={(d) => onChange(withDeadline(value, d))} />
          ) : null}
          {has('keySupervised') ? (
            <Choices<'yes' | 'no'>
              id={`${id}-key`}
              label="重点督办"
              value={value.keySupervised === undefined ? undefined : value.keySupervised ? 'yes' : 'no'}
              choices={entries(KEY_LABELS)}
              onChange={(k) => set({ keySupervised: k === undefined ? undefined : k === 'yes' })}
            />
          ) : null}
          {has('replyClass') ? (
            <Choices<ReplyClass>
              id={`${id}-class`}
              label="答复类别"
              value={value.replyClass}
              choices={(['A', 'B', 'C', 'D'] as const).map((c) => [c, `${c}类`])}
              onChange={(replyClass) => set({ replyClass })}
            />
          ) : null}
          {has('satisfaction') ? (
            <Choices<Rating | 'none'> id={`${id}-satisfaction`} label="代表评价" value={value.satisfaction} choices={entries(SATISFACTION_LABELS)} onChange={(satisfaction) => set({ satisfaction })} />
          ) : null}
          {has('phase') ? <Choices<Phase> id={`${id}-phase`} label="提出阶段" value={value.phase} choices={entries(PHASE_LABELS)} onChange={(phase) => set({ phase })} /> : null}
          {has('responsible') && people.length > 0 ? (
            <Choices<string>
              id={`${id}-responsible`}
              label="办理责任人"
              value={value.responsibleUserId}
              choices={people.map((p) => [p.id, p.name])}
              onChange={(responsibleUserId) => set({ responsibleUserId })}
            />
          ) : has('responsible') && units.length > 0 && !value.unitId ? (
            <View className="field" id={`${id}-responsible-hint`}>
              <Text className="field-label">办理责任人</Text>
              <Text className="field-hint">先选承办单位，再选该单位的办理责任人</Text>
            </View>
          ) : null}
          <Button className="btn btn-primary" id={`${id}-filter-done`} onClick={() => setOpen(false)}>
            完成
          </Button>
        </View>
      ) : null}
    </View>
  );
}

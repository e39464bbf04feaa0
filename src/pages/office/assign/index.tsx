// 交办: the coordinator gives a suggestion to its units, each with its role (主办 / 会办 / 分办 /
// 独办), and the requirements (办理要求). Whether the roles fit together is the server's to judge; a
// 会办 added to a 独办 makes that unit the 主办 (said before 确定交办).
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SuggestionDetail, UnitView } from '../../../contract';
import { UNIT_ROLE_LABELS } from '../../../core/labels';
import type { UnitRole } from '../../../core/model';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { useSuggestion } from '../../../hooks/use-suggestion';
import { ChoiceField, FormError, SubmitButton, TextField } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { finish } from '../../routes';
import { guarded } from '../../../components/page-guard';

const ROLES: UnitRole[] = ['lead', 'co', 'split', 'sole'];
const SHOWN = 30;

/** Who holds the suggestion already (另行交办 adds to them): each unit with its role and state. */
function Holders({ detail }: { detail: SuggestionDetail }) {
  if (detail.tasks.length === 0) return null;
  return (
    <View className="section" id="assign-holders">
      <View className="sub-title">已交办的承办单位</View>
      {detail.tasks.map((t) => (
        <View key={t.id} className="card-meta holder">
          {t.unitName}（{t.roleLabel}）· <Text className="tag">{t.stateLabel}</Text>
        </View>
      ))}
    </View>
  );
}

/**
 * Units found by name (a few keystrokes among hundreds), each added with one tap; every chosen unit then
 * gets its role. Units that hold the suggestion already are not offered again.
 */
function AssignForm({ detail, units, onDone }: { detail: SuggestionDetail; units: UnitView[]; onDone: () => void }) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ unitId: string; role: UnitRole | null }[]>([]);
  const [requirements, setRequirements] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('suggestions.assign');
  const soleHolder = detail.tasks.find((t) => t.role === 'sole' && t.state !== 'returned');
  const holding = new Set(detail.tasks.filter((t) => t.state !== 'returned').map((t) => t.unitId));
  const nameOf = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const wanted = search.replace(/\s+/g, '');
  const offered = units.filter((u) => !holding.has(u.id) && !chosen.some((c) => c.unitId === u.id) && (!wanted || u.name.includes(wanted)));

  const submit = async () => {
    if (chosen.length === 0) return setProblem('请至少选择一个承办单位并选择承办类别');
    const missing = chosen.filter((c) => c.role === null);
    if (missing.length > 0) return setProblem(`请为${missing.map((c) => nameOf(c.unitId)).join('、')}选择承办类别`);
    setProblem(null);
    const units = chosen.map((c) => ({ unitId: c.unitId, role: c.role as UnitRole, ...(requirements.trim() ? { requirements: requirements.trim() } : {}) }));
    const response = await action.run({ suggestionId: detail.id, version: detail.version, units });
    if (response.ok) onDone();
  };
  return (
    <View>
      <Holders detail={detail} />
      <View className="desk-columns" id="assign-body">
        {chosen.length > 0 ? (
          <View className="section" id="assign-chosen">
            <View className="sub-title">本次交办（{chosen.length}个单位）</View>
            {chosen.map((c) => (
              <View key={c.unitId} className="card chosen-unit">
                <ChoiceField
                  id={`assign-${c.unitId}`}
                  label={nameOf(c.unitId)}
                  choices={ROLES.map((value) => ({ value, label: UNIT_ROLE_LABELS[value] }))}
                  value={c.role}
                  onChange={(role) => setChosen((prev) => prev.map((x) => (x.unitId === c.unitId ? { ...x, role } : x)))}
                />
                <Button className="btn btn-default" id={`unpick-${c.unitId}`} onClick={() => setChosen((prev) => prev.filter((x) => x.unitId !== c.unitId))}>
                  不交给{nameOf(c.unitId)}
                </Button>
              </View>
            ))}
          </View>
        ) : process.env.TARO_ENV === 'h5' ? (
          <View className="desk-only card-meta" id="assign-chosen-none">
            选中的单位列在这里，再为每个单位选择承办类别
          </View>
        ) : null}
        <View className="assign-picker">
          <View className="sub-title">选择承办单位（共{units.length}个单位）</View>
          <View className="search-row">
            <Input id="assign-search" className="input" value={search} placeholder="输入单位名称查找，如：交通" onInput={(e) => setSearch(e.detail.value)} />
          </View>
          <View className="list" id="assign-units">
            {offered.slice(0, SHOWN).map((u) => (
              <Button key={u.id} id={`pick-${u.id}`} className="choice unit-pick" onClick={() => setChosen((prev) => [...prev, { unitId: u.id, role: null }])}>
                ＋ {u.name}
              </Button>
            ))}
            {offered.length > SHOWN ? (
              <View className="card-meta" id="assign-more">
                另有{offered.length - SHOWN}个单位，请输入名称查找
              </View>
            ) : null}
            {offered.length === 0 ? <View className="card-meta">没有符合的单位</View> : null}
          </View>
        </View>
      </View>
      {soleHolder && chosen.some((c) => c.role === 'co') ? (
        <View className="notice" id="assign-sole-to-lead">
          增加会办单位后，{soleHolder.unitName}由独办改为主办，会办意见期限从今天起算
        </View>
      ) : null}
      <TextField id="assign-requirements" label="办理要求（可不填）" value={requirements} onChange={setRequirements} multiline />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="assign-submit" text="确定交办" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

export function AssignView({ suggestionId, onDone }: { suggestionId: string; onDone: () => void }) {
  const suggestion = useSuggestion(suggestionId);
  const units = useQuery('units.list', {});
  return (
    <Screen id="assign-page">
      <View className="section-title">交办</View>
      <QueryView query={suggestion}>
        {(detail) => (
          <View>
            <View className="card">
              {detail.number}号 {detail.title}
            </View>
            {detail.allowedActions.includes('suggestions.assign') ? (
              <QueryView query={units}>{(list) => <AssignForm detail={detail} units={list.items} onDone={onDone} />}</QueryView>
            ) : (
              <View className="notice" id="not-allowed">
                当前状态下不能进行此操作
              </View>
            )}
          </View>
        )}
      </QueryView>
    </Screen>
  );
}

function AssignPage() {
  const { params } = useRouter();
  return <AssignView suggestionId={params.id ?? ''} onDone={finish} />;
}

export default guarded(AssignPage);

// 交办: the coordinator gives a suggestion to its units, each with its role (主办 / 会办 / 分办 /
// 独办), and the requirements (办理要求). Whether the roles fit together is the server's to judge.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AssignUnitData, SuggestionDetail, UnitView } from '../../../contract';
import { UNIT_ROLE_LABELS } from '../../../core/labels';
import type { UnitRole } from '../../../core/model';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { useSuggestion } from '../../../hooks/use-suggestion';
import { ChoiceField, FormError, SubmitButton, TextField } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { finish } from '../../routes';

type Choice = UnitRole | 'none';
const CHOICES: Choice[] = ['none', 'lead', 'co', 'split', 'sole'];
const label = (c: Choice) => (c === 'none' ? '不承办' : UNIT_ROLE_LABELS[c]);

function AssignForm({ detail, units, onDone }: { detail: SuggestionDetail; units: UnitView[]; onDone: () => void }) {
  const [roles, setRoles] = useState<Record<string, Choice>>({});
  const [requirements, setRequirements] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('suggestions.assign');
  const submit = async () => {
    const chosen: AssignUnitData[] = units
      .filter((u) => (roles[u.id] ?? 'none') !== 'none')
      .map((u) => ({ unitId: u.id, role: roles[u.id] as UnitRole, ...(requirements.trim() ? { requirements: requirements.trim() } : {}) }));
    if (chosen.length === 0) return setProblem('请至少为一个承办单位选择承办类别');
    setProblem(null);
    const response = await action.run({ suggestionId: detail.id, version: detail.version, units: chosen });
    if (response.ok) onDone();
  };
  return (
    <View>
      {units.map((u) => (
        <ChoiceField
          key={u.id}
          id={`assign-${u.id}`}
          label={u.name}
          choices={CHOICES.map((value) => ({ value, label: label(value) }))}
          value={roles[u.id] ?? 'none'}
          onChange={(value) => setRoles((prev) => ({ ...prev, [u.id]: value }))}
        />
      ))}
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

export default function AssignPage() {
  const { params } = useRouter();
  return <AssignView suggestionId={params.id ?? ''} onDone={finish} />;
}

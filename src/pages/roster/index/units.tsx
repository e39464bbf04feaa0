// 名册 → 单位: the units, a new one added, and each opened to correct its name or its 处室 (units.upsert
// with its id, audited with the old name). Every record refers to a unit by its id, so tasks, ledger rows
// and letters all follow a corrected name.
import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import type { UnitView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';

const departmentList = (text: string) =>
  text
    .split(/[、，,\s]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** The form of a new unit (no `unit`) or of one opened to correct it. */
function UnitForm({ unit, onSaved, onCancel }: { unit?: UnitView; onSaved: (name: string) => void; onCancel?: () => void }) {
  const [name, setName] = useState(unit?.name ?? '');
  const [departments, setDepartments] = useState(unit?.departments.join('、') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('units.upsert');
  const prefix = unit ? `unit-edit-${unit.id}` : 'unit';
  const submit = async () => {
    if (name.trim() === '') return setProblem('请填写单位名称');
    setProblem(null);
    const response = await action.run({ ...(unit ? { id: unit.id } : {}), name: name.trim(), departments: departmentList(departments) });
    if (!response.ok) return;
    if (!unit) {
      setName('');
      setDepartments('');
    }
    onSaved(response.data.name);
  };
  return (
    <View className={unit ? 'unit-edit' : 'card'} id={unit ? prefix : undefined}>
      {unit ? null : <View className="sub-title">新增单位</View>}
      <TextField id={`${prefix}-name`} label="单位名称" value={name} onChange={setName} placeholder="例如：市发展改革委" />
      <TextField id={`${prefix}-departments`} label="处室（用顿号分隔，可不填）" value={departments} onChange={setDepartments} placeholder="例如：综合处、社会发展处" />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id={`${prefix}-submit`} text={unit ? '保存修改' : '新增单位'} pending={action.pending} onClick={() => void submit()} />
      {onCancel ? <SubmitButton id={`${prefix}-cancel`} text="取消" kind="default" pending={false} onClick={onCancel} /> : null}
    </View>
  );
}

function UnitCard({ unit, onSaved }: { unit: UnitView; onSaved: (name: string) => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <View className="card" id={`unit-${unit.id}`}>
      <View className="card-title">{unit.name}</View>
      {unit.departments.length > 0 ? <View className="card-meta">处室：{unit.departments.join('、')}</View> : null}
      {editing ? (
        <UnitForm
          unit={unit}
          onSaved={(name) => {
            setEditing(false);
            onSaved(name);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Button className="btn btn-default btn-inline" id={`unit-open-${unit.id}`} onClick={() => setEditing(true)}>
          修改名称或处室
        </Button>
      )}
    </View>
  );
}

export function Units({ refreshKey }: { refreshKey: number }) {
  const [changes, setChanges] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const query = useQuery('units.list', {}, refreshKey + changes);
  const after = (words: string) => (name: string) => {
    setSaved(`${words}：${name}`);
    setChanges((n) => n + 1);
  };
  return (
    <View>
      <UnitForm onSaved={after('已新增单位')} />
      {saved ? (
        <View className="notice" id="unit-added">
          {saved}
        </View>
      ) : null}
      <QueryView query={query}>
        {({ items }: { items: UnitView[] }) => (
          <View>
            <View className="card-meta" id="units-count">
              共{items.length}个单位
            </View>
            <View className="list desk-grid" id="roster-units">
              {items.map((u) => (
                <UnitCard key={`${u.id}-${u.name}`} unit={u} onSaved={after('已保存单位')} />
              ))}
            </View>
          </View>
        )}
      </QueryView>
    </View>
  );
}

// One person of the roster: name, roles, unit and department, phone and 代表团; saved with
// users.upsert. A person not yet bound gets a bind code here, shown for reading aloud and as a QR code.
import { useEffect, useState } from 'react';
import { Button, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BindCodeResult, UnitView, UpsertUserData, UserView } from '../../../contract';
import type { Role } from '../../../core/model';
import { ROLE_LABELS } from '../../../core/labels';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { announce, confirmStep } from '../../../components/confirm';
import { formatTime } from '../../../components/format';
import { scrollIntoView } from '../../../components/scroll-into-view';
import { BindCodeCard } from './bind-code';
import { guarded } from '../../../components/page-guard';

const ROLES: Role[] = ['deputy', 'handler', 'reviewer', 'leader', 'coordinator', 'admin'];

function RolesField({ value, onChange }: { value: Role[]; onChange: (roles: Role[]) => void }) {
  return (
    <View className="field" id="person-roles">
      <Text className="field-label">角色（可多选）</Text>
      <View className="choices">
        {ROLES.map((role) => {
          const on = value.includes(role);
          return (
            <Button
              key={role}
              id={`person-role-${role}`}
              className={on ? 'choice choice-on' : 'choice'}
              onClick={() => onChange(on ? value.filter((r) => r !== role) : [...value, role])}
            >
              {on ? `✓ ${ROLE_LABELS[role]}` : ROLE_LABELS[role]}
            </Button>
          );
        })}
      </View>
    </View>
  );
}

function UnitField({ units, value, onChange }: { units: UnitView[]; value: string; onChange: (id: string) => void }) {
  const index = units.findIndex((u) => u.id === value);
  return (
    <View className="field">
      <Text className="field-label">单位（承办人、处室负责人、单位负责人须选择）</Text>
      <Picker
        mode="selector"
        range={['不属于承办单位', ...units.map((u) => u.name)]}
        value={index + 1}
        onChange={(e) => onChange(units[Number(e.detail.value) - 1]?.id ?? '')}
      >
        <View className="input picker" id="person-unit">
          {units[index]?.name ?? '不属于承办单位'} ▾
        </View>
      </Picker>
    </View>
  );
}

function PersonForm({ user, units, onSaved }: { user?: UserView; units: UnitView[]; onSaved: (user: UserView) => void }) {
  const [name, setName] = useState(user?.name ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [unitId, setUnitId] = useState(user?.unitId ?? '');
  const [department, setDepartment] = useState(user?.department ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [delegation, setDelegation] = useState(user?.delegation ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction('users.upsert');
  const submit = async () => {
    if (name.trim() === '') return setProblem('请填写姓名');
    if (roles.length === 0) return setProblem('请至少选择一个角色');
    setProblem(null);
    const data: UpsertUserData = {
      ...(user ? { id: user.id, version: user.version } : {}),
      name: name.trim(),
      roles,
      ...(unitId ? { unitId } : {}),
      ...(department.trim() ? { department: department.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(delegation.trim() ? { delegation: delegation.trim() } : {}),
    };
    const response = await action.run(data);
    if (response.ok) {
      // A new person's next step is the bind code, at the top of the page: say so and bring it into view.
      const next = !user && !response.data.bound;
      void Taro.showToast({ title: next ? '已保存，请发放绑定码' : '已保存', icon: next ? 'none' : 'success' });
      onSaved(response.data);
    }
  };
  return (
    <View className="person-form">
      <TextField id="person-name" label="姓名" value={name} onChange={setName} />
      <RolesField value={roles} onChange={setRoles} />
      <UnitField units={units} value={unitId} onChange={setUnitId} />
      <TextField id="person-department" label="处室（可不填）" value={department} onChange={setDepartment} />
      <TextField id="person-delegation" label="代表团（代表填写）" value={delegation} onChange={setDelegation} placeholder="例如：历下区代表团" />
      <TextField id="person-phone" label="联系电话（可不填，不对外公开）" value={phone} onChange={setPhone} />
      <FormError message={problem ?? action.error?.message} />
      <SubmitButton id="person-save" text={user ? '保存修改' : '新增人员'} pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

/** The person's codes not yet used, each with 收回 (a code given to the wrong person, or lost). */
function OpenCodes({ userId, refreshKey }: { userId: string; refreshKey: number }) {
  const [revoked, setRevoked] = useState(0);
  const query = useQuery('users.bindCodes', { userId }, refreshKey + revoked);
  const revoke = useAction('users.revokeBindCode');
  const revokeCode = async (id: string) => {
    const go = await confirmStep({ title: '确认收回绑定码？', consequence: '收回后这个绑定码不能再用于绑定；如需绑定，请重新发放。', confirmText: '确认收回' });
    if (!go) return;
    const response = await revoke.run({ id });
    if (response.ok) {
      await announce('已收回');
      setRevoked((n) => n + 1);
    }
  };
  return (
    <QueryView query={query}>
      {({ items }) =>
        items.length === 0 ? null : (
          <View className="list" id="open-codes">
            <View className="sub-title">尚未使用的绑定码（{items.length}个）</View>
            {items.map((c) => (
              <View key={c.id} className="card open-code" id={`open-code-${c.id}`}>
                <View className="card-meta">
                  {c.issuedByName}发放于<Text className="nowrap">{formatTime(c.issuedAt)}</Text>，有效期至<Text className="nowrap">{formatTime(c.expiresAt)}</Text>
                </View>
                <Button className="btn btn-warn" id={`revoke-${c.id}`} disabled={revoke.pending || undefined} onClick={() => void revokeCode(c.id)}>
                  收回此绑定码
                </Button>
              </View>
            ))}
            <FormError message={revoke.error?.message} />
          </View>
        )
      }
    </QueryView>
  );
}

function BindCodeSection({ user }: { user: UserView }) {
  const action = useAction('users.issueBindCode');
  const [code, setCode] = useState<BindCodeResult | null>(null);
  const [issued, setIssued] = useState(0);
  if (user.bound) {
    return (
      <View className="notice" id="person-bound">
        {user.name}已绑定微信。
      </View>
    );
  }
  const issue = async () => {
    const response = await action.run({ userId: user.id });
    if (response.ok) {
      setCode(response.data);
      setIssued((n) => n + 1);
    }
  };
  return (
    <View className="section" id="person-bind-codes">
      <View className="section-title">绑定码</View>
      {code ? <BindCodeCard name={user.name} code={code} /> : <View className="card-meta">{user.name}尚未绑定微信。发放绑定码后，请告知本人在小程序中输入。</View>}
      <FormError message={action.error?.message} />
      <SubmitButton id="bind-code-issue" text={code ? '重新发放绑定码' : '发放绑定码'} pending={action.pending} onClick={() => void issue()} kind="default" />
      <OpenCodes userId={user.id} refreshKey={issued} />
    </View>
  );
}

export function PersonView({ id }: { id: string }) {
  const units = useQuery('units.list', {});
  const users = useQuery('users.list', {});
  const [saved, setSaved] = useState<UserView | null>(null);
  const added = saved !== null && !id && !saved.bound ? saved.id : '';
  // Once a new person is saved, the page shows his bind-code section at its top: scroll it into view.
  useEffect(() => {
    if (added) scrollIntoView('person-bind-codes');
  }, [added]);
  return (
    <Screen id="person-page">
      <QueryView query={units}>
        {({ items: unitList }) => (
          <QueryView query={users}>
            {({ items }) => {
              const user = saved ?? items.find((u) => u.id === id);
              if (id && !user) return <View className="state">没有找到该人员</View>;
              return (
                <View>
                  <View className="section-title">{user ? user.name : '新增人员'}</View>
                  <View className="desk-columns" id="person-body">
                    {user ? <BindCodeSection user={user} /> : null}
                    <PersonForm key={user ? `${user.id}-${user.version}` : 'new'} user={user} units={unitList} onSaved={setSaved} />
                  </View>
                </View>
              );
            }}
          </QueryView>
        )}
      </QueryView>
    </Screen>
  );
}

function PersonPage() {
  const id = Taro.getCurrentInstance().router?.params?.id ?? '';
  return <PersonView id={id} />;
}

export default guarded(PersonPage);

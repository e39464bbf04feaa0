// 名册: the units and the people of the deployment, kept by the administrator (and the coordinator
// within the rights the server gives), and the deployment's own settings (本机关). People are filtered by role and found by name; each opens
// the person's page (roles, unit, bind code).
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Role } from '../../../core/model';
import { ROLE_LABELS } from '../../../core/labels';
import type { UnitView, UserView } from '../../../contract';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { useShowCount } from '../../../hooks/use-show-count';
import { FormError, SubmitButton, TextField } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { open, routes } from '../../routes';
import { BindLocks } from './bind-locks';
import { guarded } from '../../../components/page-guard';
import { OfficeSettings } from './office-settings';

type Tab = 'people' | 'units' | 'office';
const ROLE_FILTERS: (Role | 'all')[] = ['all', 'deputy', 'handler', 'reviewer', 'leader', 'coordinator', 'admin'];

function Person({ user }: { user: UserView }) {
  return (
    <View className="card roster-person" id={`person-${user.id}`} onClick={() => open(routes.person(user.id))}>
      <View className="card-head">
        <Text className="card-title">{user.name}</Text>
        <Text className={user.bound ? 'tag tag-strong' : 'tag'}>{user.bound ? '已绑定' : '未绑定'}</Text>
      </View>
      <View className="card-meta">
        {user.roleLabels.join('、')}
        {user.unitName ? ` · ${user.unitName}` : ''}
        {user.department ? ` · ${user.department}` : ''}
        {user.delegation ? ` · ${user.delegation}` : ''}
      </View>
      {user.reach ? (
        <View className="card-meta person-reach">
          微信提醒：<Text className={user.reach.unreachable ? 'tag tag-strong nowrap' : 'tag nowrap'}>{user.reach.unreachable ? `${user.reach.label}，收不到` : user.reach.label}</Text>
        </View>
      ) : null}
    </View>
  );
}

function People({ refreshKey }: { refreshKey: number }) {
  const [role, setRole] = useState<Role | 'all'>('all');
  const [name, setName] = useState('');
  const query = useQuery('users.list', role === 'all' ? {} : { role }, refreshKey);
  return (
    <View>
      <View className="one-row" id="roster-people-actions">
        <Button className="btn btn-primary" id="person-new" onClick={() => open(routes.person(''))}>
          新增人员
        </Button>
        <Button className="btn btn-default" id="deputy-import-link" onClick={() => open(routes.deputyImport)}>
          导入代表名单
        </Button>
      </View>
      <BindLocks refreshKey={refreshKey} />
      <View className="one-row" id="roster-roles">
        {ROLE_FILTERS.map((r) => (
          <Button key={r} id={`roster-role-${r}`} className={r === role ? 'choice choice-on' : 'choice'} onClick={() => setRole(r)}>
            {r === role ? '✓ ' : ''}
            {r === 'all' ? '全部' : ROLE_LABELS[r]}
          </Button>
        ))}
      </View>
      <View className="search-row">
        <Input id="roster-search" className="input" value={name} placeholder="按姓名查找" onInput={(e) => setName(e.detail.value)} />
      </View>
      <QueryView query={query}>
        {({ items }) => {
          const wanted = name.replace(/\s+/g, '');
          const shown = wanted ? items.filter((u) => u.name.includes(wanted)) : items;
          return (
            <View>
              <View className="card-meta" id="roster-count">
                共{shown.length}人，其中未绑定{shown.filter((u) => !u.bound).length}人
              </View>
              {shown.length === 0 ? <Empty text="没有符合条件的人员" /> : null}
              <View className="list roster-table" id="roster-people">
                {process.env.TARO_ENV === 'h5' && shown.length > 0 ? (
                  <View className="desk-only roster-head" id="roster-head">
                    <Text>姓名</Text>
                    <Text>微信绑定</Text>
                    <Text>角色、单位、处室、代表团</Text>
                  </View>
                ) : null}
                {shown.map((u) => (
                  <Person key={u.id} user={u} />
                ))}
              </View>
            </View>
          );
        }}
      </QueryView>
    </View>
  );
}

function NewUnit({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const [departments, setDepartments] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const action = useAction('units.upsert');
  const submit = async () => {
    if (name.trim() === '') return setProblem('请填写单位名称');
    setProblem(null);
    const list = departments
      .split(/[、，,\s]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    const response = await action.run({ name: name.trim(), departments: list });
    if (response.ok) {
      setAdded(response.data.name);
      setName('');
      setDepartments('');
      onAdded();
    }
  };
  return (
    <View className="card">
      <View className="sub-title">新增单位</View>
      <TextField id="unit-name" label="单位名称" value={name} onChange={setName} placeholder="例如：市发展改革委" />
      <TextField id="unit-departments" label="处室（用顿号分隔，可不填）" value={departments} onChange={setDepartments} placeholder="例如：综合处、社会发展处" />
      <FormError message={problem ?? action.error?.message} />
      {added ? (
        <View className="notice" id="unit-added">
          已新增单位：{added}
        </View>
      ) : null}
      <SubmitButton id="unit-submit" text="新增单位" pending={action.pending} onClick={() => void submit()} />
    </View>
  );
}

function Units({ refreshKey }: { refreshKey: number }) {
  const [added, setAdded] = useState(0);
  const query = useQuery('units.list', {}, refreshKey + added);
  return (
    <View>
      <NewUnit onAdded={() => setAdded((n) => n + 1)} />
      <QueryView query={query}>
        {({ items }: { items: UnitView[] }) => (
          <View>
            <View className="card-meta" id="units-count">
              共{items.length}个单位
            </View>
            <View className="list desk-grid" id="roster-units">
              {items.map((u) => (
                <View key={u.id} className="card" id={`unit-${u.id}`}>
                  <View className="card-title">{u.name}</View>
                  {u.departments.length > 0 ? <View className="card-meta">处室：{u.departments.join('、')}</View> : null}
                </View>
              ))}
            </View>
          </View>
        )}
      </QueryView>
    </View>
  );
}

export function RosterView({ refreshKey = 0 }: { refreshKey?: number }) {
  const [tab, setTab] = useState<Tab>('people');
  return (
    <Screen id="roster-page">
      <View className="section-title">名册管理</View>
      <View className="one-row" id="roster-tabs">
        <Button id="roster-tab-people" className={tab === 'people' ? 'choice choice-on' : 'choice'} onClick={() => setTab('people')}>
          {tab === 'people' ? '✓ ' : ''}人员
        </Button>
        <Button id="roster-tab-units" className={tab === 'units' ? 'choice choice-on' : 'choice'} onClick={() => setTab('units')}>
          {tab === 'units' ? '✓ ' : ''}单位
        </Button>
        <Button id="roster-tab-office" className={tab === 'office' ? 'choice choice-on' : 'choice'} onClick={() => setTab('office')}>
          {tab === 'office' ? '✓ ' : ''}本机关
        </Button>
      </View>
      {tab === 'people' ? <People refreshKey={refreshKey} /> : tab === 'units' ? <Units refreshKey={refreshKey} /> : <OfficeSettings />}
    </Screen>
  );
}

function RosterPage() {
  const shown = useShowCount();
  return <RosterView refreshKey={shown} />;
}

export default guarded(RosterPage);

// 名册: the units and the people of the deployment, kept by the administrator (and the coordinator
// within the rights the server gives), and the deployment's own settings (本机关). People are filtered by role and found by name; each opens
// the person's page (roles, unit, bind code).
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Role } from '../../../core/model';
import { ROLE_LABELS } from '../../../core/labels';
import type { UserView } from '../../../contract';
import { useQuery } from '../../../hooks/use-query';
import { useShowCount } from '../../../hooks/use-show-count';
import { QueryView } from '../../../components/query-view';
import { Screen } from '../../../components/screen';
import { Empty } from '../../../components/state-views';
import { open, routes } from '../../routes';
import { BindLocks } from './bind-locks';
import { guarded } from '../../../components/page-guard';
import { OfficeSettings } from './office-settings';
import { Units } from './units';

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

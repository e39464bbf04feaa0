// Home: who is calling (`me`), then the menus and queues the server says he or she has
// (me.capabilities): the page decides none of them.
import { Button, View } from '@tarojs/components';
import { useQuery } from '../../hooks/use-query';
import { useShowCount } from '../../hooks/use-show-count';
import { QueryView } from '../../components/query-view';
import { Screen } from '../../components/screen';
import { open, routes } from '../routes';
import { SuggestionsHome } from './deputy-home';
import { hasTaskQueue, TaskHome } from './task-home';

export function HomeView({ refreshKey = 0 }: { refreshKey?: number }) {
  const me = useQuery('me', {}, refreshKey);
  return (
    <Screen id="home">
      <QueryView query={me}>
        {({ user, capabilities }) =>
          user === null ? (
            <View className="state" id="unbound">
              <View>您还没有绑定身份。代表请输入办公室提供的绑定码。</View>
              <Button className="btn btn-primary" id="bind-link" onClick={() => open(routes.bind)}>
                绑定代表身份
              </Button>
            </View>
          ) : (
            <View>
              <View className="greeting" id="greeting">
                {user.name}，您好
              </View>
              <View className="card-meta">
                {user.roleLabels.join('、')}
                {user.unitName ? ` · ${user.unitName}` : ''}
              </View>
              <Button className="btn btn-default" id="messages-link" onClick={() => open(routes.messages)}>
                消息与提醒
              </Button>
              {capabilities.includes('mySuggestions') ? <SuggestionsHome title="我的建议" deputy refreshKey={refreshKey} /> : null}
              {hasTaskQueue(capabilities) ? <TaskHome capabilities={capabilities} refreshKey={refreshKey} /> : null}
              {capabilities.includes('stats') ? (
                <Button className="btn btn-default" id="stats-link" onClick={() => open(routes.stats)}>
                  统计与年度总结
                </Button>
              ) : null}
              {capabilities.includes('ledger') ? (
                <Button className="btn btn-default" id="ledger-link" onClick={() => open(routes.ledger)}>
                  办理台账
                </Button>
              ) : null}
              {capabilities.includes('import') ? (
                <Button className="btn btn-default" id="import-link" onClick={() => open(routes.import)}>
                  导入交办清单
                </Button>
              ) : null}
              {capabilities.includes('allSuggestions') ? <SuggestionsHome title="全部建议" deputy={false} refreshKey={refreshKey} /> : null}
            </View>
          )
        }
      </QueryView>
    </Screen>
  );
}

export default function IndexPage() {
  const shown = useShowCount();
  return <HomeView refreshKey={shown} />;
}

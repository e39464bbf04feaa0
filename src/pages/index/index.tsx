// Home: who is calling (`me`), then the menus and queues the server says he or she has
// (me.capabilities): the page decides none of them.
import { useEffect } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useQuery } from '../../hooks/use-query';
import { useShowCount } from '../../hooks/use-show-count';
import { QueryView } from '../../components/query-view';
import { Screen } from '../../components/screen';
import { open, routes } from '../routes';
import { SuggestionsHome } from './deputy-home';
import { hasTaskQueue, TaskHome } from './task-home';
import { guarded } from '../../components/page-guard';
import { UndeliveredHome } from './undelivered-home';

/**
 * Before binding: the public's page (disclosed replies) and the binding. The browser build opens the
 * public page itself, so that `/` shows the public what the office disclosed. On a deployment started
 * empty, the one-time creation of the first administrator instead.
 */
function Unbound({ firstAdminOpen }: { firstAdminOpen: boolean }) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && !firstAdminOpen) void Taro.redirectTo({ url: routes.publicList });
  }, [firstAdminOpen]);
  if (firstAdminOpen) {
    return (
      <View className="state" id="first-admin">
        <View>系统中还没有管理员。第一位打开本系统的负责人可以创建管理员（只能创建一次）。</View>
        <Button className="btn btn-primary" id="setup-link" onClick={() => open(routes.setup)}>
          创建第一个管理员
        </Button>
      </View>
    );
  }
  return (
    <View className="state" id="unbound">
      <View>您还没有绑定身份。代表和办理人员请输入办公室提供的绑定码。</View>
      <Button className="btn btn-primary" id="bind-link" onClick={() => open(routes.bind)}>
        绑定身份
      </Button>
      <Button className="btn btn-default" id="public-link" onClick={() => open(routes.publicList)}>
        查看公开的建议答复
      </Button>
    </View>
  );
}

export function HomeView({ refreshKey = 0 }: { refreshKey?: number }) {
  const me = useQuery('me', {}, refreshKey);
  return (
    <Screen id="home">
      <QueryView query={me}>
        {({ user, capabilities, firstAdminOpen, unreadMessages, proposalCounts }) =>
          user === null ? (
            <Unbound firstAdminOpen={firstAdminOpen === true} />
          ) : (
            <View>
              <View className="greeting" id="greeting">
                {user.name}，您好
              </View>
              <View className="card-meta">
                {user.roleLabels.join('、')}
                {user.unitName ? ` · ${user.unitName}` : ''}
              </View>
              <View className="home-body">
                <Button className="btn btn-default" id="messages-link" onClick={() => open(routes.messages)}>
                  {unreadMessages ? `消息与提醒（${unreadMessages}条未读）` : '消息与提醒'}
                </Button>
                {capabilities.includes('myProposals') ? (
                  <Button className="btn btn-default" id="my-proposals-link" onClick={() => open(routes.myProposals)}>
                    {proposalCounts?.invitations ? `起草建议与附议（${proposalCounts.invitations}条附议邀请待答复）` : '起草建议与附议'}
                  </Button>
                ) : null}
                {capabilities.includes('mySuggestions') ? <SuggestionsHome title="我的建议" deputy refreshKey={refreshKey} /> : null}
                {hasTaskQueue(capabilities) ? <TaskHome capabilities={capabilities} refreshKey={refreshKey} /> : null}
                <View className="home-menu">
                  {capabilities.includes('proposalQueue') ? (
                    <Button className="btn btn-default" id="proposal-queue-link" onClick={() => open(routes.proposalQueue)}>
                      {proposalCounts?.queue ? `待立案（${proposalCounts.queue}件）与建议提交期` : '待立案与建议提交期'}
                    </Button>
                  ) : null}
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
                  {capabilities.includes('roster') ? (
                    <Button className="btn btn-default" id="roster-link" onClick={() => open(routes.roster)}>
                      名册管理（单位、人员、绑定码）
                    </Button>
                  ) : null}
                </View>
                {capabilities.includes('allSuggestions') ? <UndeliveredHome refreshKey={refreshKey} /> : null}
                {capabilities.includes('allSuggestions') ? <SuggestionsHome title="全部建议" deputy={false} refreshKey={refreshKey} /> : null}
              </View>
            </View>
          )
        }
      </QueryView>
    </Screen>
  );
}

function IndexPage() {
  const shown = useShowCount();
  return <HomeView refreshKey={shown} />;
}

export default guarded(IndexPage);

// Home: who is calling (`me`), then the queue of each role he or she holds.
import { View } from '@tarojs/components';
import type { MeData } from '../../api/views';
import { useQuery } from '../../hooks/use-query';
import { QueryView } from '../../components/query-view';
import { Screen } from '../../components/screen';
import { Empty } from '../../components/state-views';
import { DeputyHome } from './deputy-home';

export function HomeView() {
  const me = useQuery<MeData>('me');
  return (
    <Screen id="home">
      <QueryView query={me}>
        {({ user }) =>
          user === null ? (
            <Empty text="您还没有绑定身份" />
          ) : (
            <View>
              <View className="greeting" id="greeting">{user.name}，您好</View>
              {user.roles.includes('deputy') ? <DeputyHome /> : null}
            </View>
          )
        }
      </QueryView>
    </Screen>
  );
}

export default function IndexPage() {
  return <HomeView />;
}

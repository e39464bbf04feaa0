// The app shell. In the mini-program the cloud is initialised once; the H5 build talks to the local
// gateway instead (see src/api/client.ts).
import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true });
  });
  return children;
}

export default App;

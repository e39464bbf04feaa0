// Whether the page is shown at desk width, at least 1024 px wide: a browser window on the office's
// computers, or the mini-program's window in WeChat for PC (app.json `resizable`, docs/wechat.md).
// Phones stay below it. The stylesheet's @media (min-width: 1024px) rules follow the same width.
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { weChatWindowWidth } from './wechat-info';

export const DESK_MIN_WIDTH = 1024;
export const DESK_QUERY = `(min-width: ${DESK_MIN_WIDTH}px)`;

function matches(): boolean {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      return weChatWindowWidth() >= DESK_MIN_WIDTH;
    } catch {
      return false;
    }
  }
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  return window.matchMedia(DESK_QUERY).matches;
}

export function useDeskWidth(): boolean {
  const [desk, setDesk] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // The window of WeChat for PC is resized by the person (base library 2.3.0).
      const resized = (res: Taro.onWindowResize.CallbackResult) => setDesk(res.size.windowWidth >= DESK_MIN_WIDTH);
      Taro.onWindowResize(resized);
      return () => Taro.offWindowResize(resized as never);
    }
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const media = window.matchMedia(DESK_QUERY);
    const update = () => setDesk(media.matches);
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return desk;
}

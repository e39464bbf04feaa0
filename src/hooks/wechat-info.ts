// What WeChat tells about the app and its window, through the newest API the base library has:
// getAppBaseInfo and getWindowInfo from base library 2.20.1, getSystemInfoSync (deprecated there)
// on older clients down to the declared minimum, 2.11.1 (docs/wechat.md lists each API's version).
import Taro from '@tarojs/taro';

/** Whether the running base library has a wx API (wx.canIUse, and the function really there). */
export function canUse(api: string): boolean {
  const fn = (Taro as unknown as Record<string, unknown>)[api];
  return typeof fn === 'function' && typeof Taro.canIUse === 'function' && Taro.canIUse(api);
}

/** The WeChat font setting in px (17 is WeChat's standard), or undefined where not reported. */
export function weChatFontSetting(): number | undefined {
  const info = (canUse('getAppBaseInfo') ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeSetting?: number };
  const size = Number(info.fontSizeSetting);
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

/** The width of the mini-program's window in px (a phone's screen, or the window in WeChat for PC). */
export function weChatWindowWidth(): number {
  const info = canUse('getWindowInfo') ? Taro.getWindowInfo() : Taro.getSystemInfoSync();
  return Number(info.windowWidth) || 0;
}

// The base text size: the WeChat font setting when the platform reports one, never below 17px.
import { useMemo } from 'react';
import Taro from '@tarojs/taro';

export const MIN_FONT_SIZE = 17;
const DEFAULT_FONT_SIZE = 18;

function platformFontSize(): number | undefined {
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
    return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : undefined;
  } catch {
    return undefined;
  }
}

export function useBaseFontSize(): number {
  return useMemo(() => Math.max(MIN_FONT_SIZE, platformFontSize() ?? DEFAULT_FONT_SIZE), []);
}

// The base text size: the WeChat font setting when the platform reports one, the browser's own text
// size in H5 (its default font size, which the reader sets in the browser's settings), never below
// 17px. WeChat's standard setting reports 17; the browser's standard default is 16px, read as 18.
import { useMemo } from 'react';
import { weChatFontSetting } from './wechat-info';

export const MIN_FONT_SIZE = 17;
const DEFAULT_FONT_SIZE = 18;
const BROWSER_STANDARD_PX = 16;

function weChatFontSize(): number | undefined {
  try {
    return weChatFontSetting();
  } catch {
    return undefined;
  }
}

/**
 * The browser's default text size in px: a probe at `font-size: medium` follows the reader's setting
 * (and not the root font size Taro sets on <html> for its rem units).
 */
export function browserFontSize(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): number | undefined {
  if (!doc?.body) return undefined;
  const probe = doc.createElement('div');
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium;line-height:normal';
  doc.body.appendChild(probe);
  const px = parseFloat(doc.defaultView?.getComputedStyle(probe).fontSize ?? '');
  probe.remove();
  return Number.isFinite(px) && px > 0 ? px : undefined;
}

export function baseFontSize(): number {
  if (process.env.TARO_ENV === 'h5') {
    const px = browserFontSize();
    return Math.max(MIN_FONT_SIZE, px === undefined ? DEFAULT_FONT_SIZE : Math.round((DEFAULT_FONT_SIZE * px) / BROWSER_STANDARD_PX));
  }
  return Math.max(MIN_FONT_SIZE, weChatFontSize() ?? DEFAULT_FONT_SIZE);
}

export function useBaseFontSize(): number {
  return useMemo(baseFontSize, []);
}

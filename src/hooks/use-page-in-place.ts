// In the browser, a page whose code was still loading when the user went back (a tap on a card, then
// 返回 at once) is mounted after the router has already returned: it covers the page the address
// names, and reads that page's parameters (a detail page without its 编号). Once mounted, a page that
// is shown while the address names another one starts the app again on the address, as if the user
// had opened it. The mini-program's own router has no such window.
import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/** How long a move between pages takes to settle (Taro H5 slides pages in and out). */
const SETTLE_MS = 600;

const pathOf = (route: string) => route.replace(/^#/, '').split('?')[0];

export function usePageInPlace(): { current: unknown } {
  const ref = useRef<unknown>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const timer = setTimeout(() => {
      const el = ref.current as HTMLElement | null;
      const page = typeof el?.closest === 'function' ? el.closest('.taro_page') : null;
      if (!page || !page.id || window.location.hash === '') return;
      const shown = getComputedStyle(page).display !== 'none';
      if (shown && pathOf(page.id) !== pathOf(window.location.hash)) void Taro.reLaunch({ url: window.location.hash.slice(1) });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, []);
  return ref;
}

// Brings an element of the current page into view (the next step after a save, shown above the form):
// in the browser by the element itself, in the mini-program by the page's scroll to its selector.
import Taro from '@tarojs/taro';

export function scrollIntoView(id: string): void {
  if (process.env.TARO_ENV === 'h5') {
    const found = typeof document === 'undefined' ? null : document.getElementById(id);
    if (found && typeof found.scrollIntoView === 'function') found.scrollIntoView({ block: 'start' });
    return;
  }
  Taro.pageScrollTo({ selector: `#${id}`, duration: 0 }).catch(() => undefined);
}

// Whether the page is shown at desk width: a browser window at least 1024 px wide (the office's
// computers). The mini-program is always laid out for the phone.
import { useEffect, useState } from 'react';

export const DESK_QUERY = '(min-width: 1024px)';

function matches(): boolean {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  return window.matchMedia(DESK_QUERY).matches;
}

export function useDeskWidth(): boolean {
  const [desk, setDesk] = useState(matches);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return undefined;
    const media = window.matchMedia(DESK_QUERY);
    const update = () => setDesk(media.matches);
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return desk;
}

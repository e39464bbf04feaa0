// Whether the local browser build has a demo login to offer: only when the local server was started
// with its demo data (its login page then lists demo people). A real start (DEMO_DATA=0) has none, and
// the mini-program never offers one.
import { useEffect, useState } from 'react';

export function useDemoLogin(): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof fetch !== 'function') return;
    let live = true;
    fetch('/dev/login', { credentials: 'same-origin' })
      .then(async (response) => (response.ok ? /data-openid=/.test(await response.text()) : false))
      .catch(() => false)
      .then((found) => {
        if (live) setOffered(found);
      });
    return () => {
      live = false;
    };
  }, []);
  return offered;
}

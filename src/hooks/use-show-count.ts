// Counts how often the page was shown again (back from a form page), so that it can reload.
import { useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';

export function useShowCount(): number {
  const [count, setCount] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setCount((n) => n + 1);
  });
  return count;
}

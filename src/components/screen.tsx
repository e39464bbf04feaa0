// The root of every page. Text sizes in app.css are in em, relative to the base size set here, so
// that the whole page follows the user's WeChat font setting (never below 17px).
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useBaseFontSize } from '../hooks/use-base-font-size';
import { usePageInPlace } from '../hooks/use-page-in-place';

export function Screen({ id, children }: { id?: string; children: ReactNode }) {
  const fontSize = useBaseFontSize();
  const ref = usePageInPlace();
  return (
    <View id={id} ref={ref as never} className="screen" style={{ fontSize: `${fontSize}px` }}>
      {children}
    </View>
  );
}

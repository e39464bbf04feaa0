// The root of every page. Text sizes in app.css are in em, relative to the base size set here, so
// that the whole page follows the user's WeChat font setting (never below 17px).
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useBaseFontSize } from '../hooks/use-base-font-size';

export function Screen({ id, children }: { id?: string; children: ReactNode }) {
  const fontSize = useBaseFontSize();
  return (
    <View id={id} className="screen" style={{ fontSize: `${fontSize}px` }}>
      {children}
    </View>
  );
}

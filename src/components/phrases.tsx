// Text that may break between its phrases when the text is large, never inside one: a label such as
// "A类（已解决或基本解决）" breaks before its bracket, "1001号 · 市水务局（分办）" after each " · ".
import { Fragment } from 'react';
import { Text } from '@tarojs/components';

export function phrasesOf(text: string): string[] {
  return text
    .replace(/ · /g, ' · \u0000')
    .replace(/（/g, '\u0000（')
    .split('\u0000')
    .filter((part) => part !== '');
}

export function Phrases({ text, className, id }: { text: string; className?: string; id?: string }) {
  return (
    <Text className={`${className ?? ''} phrases`.trim()} id={id}>
      {phrasesOf(text).map((part, i) => (
        // A zero-width space between phrases, outside them, is the break opportunity (there is none
        // between 局 and （ otherwise).
        <Fragment key={i}>
          {i > 0 ? '\u200b' : null}
          <Text className="nowrap">{part}</Text>
        </Fragment>
      ))}
    </Text>
  );
}

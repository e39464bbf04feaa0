// The question an import asks before it registers anybody: for each deputy name of the list that the
// roster does not have, the near names of the roster (姓名 · 代表团) and 新建代表「…」, one to choose.
import { Fragment } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { ImportDeputyDecision, ImportRenamedDeputy, ImportUnknownDeputy } from '../../../contract';
import { Phrases } from '../../../components/phrases';

/** A choice per name: a roster deputy's user id, or NEW for a new deputy. */
export const NEW = '__new__';
export type NameChoices = Record<string, string>;

export const lineList = (lines: readonly number[]) => `第${lines.join('、')}行`;

export function decisionsOf(unknown: readonly ImportUnknownDeputy[], choices: NameChoices): ImportDeputyDecision[] {
  return unknown.map(({ name }) => (choices[name] === NEW ? { name, create: true as const } : { name, userId: choices[name]! }));
}

/** What the import will do with the names, in words, for the confirmation. */
export function decisionsInWords(unknown: readonly ImportUnknownDeputy[], choices: NameChoices): string {
  return unknown
    .map(({ name, near }) => {
      if (choices[name] === NEW) return `新建代表「${name}」`;
      const chosen = near.find((n) => n.userId === choices[name]);
      return `「${name}」记为${chosen?.name ?? ''}${chosen?.delegation ? `（${chosen.delegation}）` : ''}`;
    })
    .join('；');
}

export function RenamedNames({ renamed }: { renamed: readonly ImportRenamedDeputy[] }) {
  return (
    <View className="notice" id="import-renamed">
      {renamed.map((r) => (
        <View key={r.written}>
          表格中的「{r.written}」按「{r.name}」导入（{lineList(r.lines)}）
        </View>
      ))}
    </View>
  );
}

export function UnknownNames(props: { unknown: readonly ImportUnknownDeputy[]; choices: NameChoices; onChoose: (name: string, value: string) => void }) {
  const { unknown, choices, onChoose } = props;
  return (
    <View id="import-unknown">
      {unknown.map((u, i) => {
        const options = [
          ...u.near.map((n) => ({ value: n.userId, label: `${n.name} · ${n.delegation ?? '未填代表团'}` })),
          { value: NEW, label: `新建代表「${u.name}」` },
        ];
        return (
          <View key={u.name} className="card" id={`import-unknown-${i}`}>
            <View className="card-title">表格中的「{u.name}」在名册中找不到</View>
            <View className="card-meta">
              {/* Each 代表团 kept whole; the line may break between them. */}
              <Text className="nowrap">{lineList(u.lines)}</Text>
              {' · '}
              {u.delegations.map((d, k) => (
                <Fragment key={d}>
                  {k > 0 ? '、\u200b' : null}
                  <Text className="nowrap">{d}</Text>
                </Fragment>
              ))}
            </View>
            <Text className="field-label">{u.near.length > 0 ? '是不是名册中的这位代表？请选择：' : '名册中没有相近的姓名。请选择：'}</Text>
            <View className="list">
              {options.map((o) => {
                const on = choices[u.name] === o.value;
                return (
                  <Button
                    key={o.value}
                    id={`import-choice-${i}-${o.value === NEW ? 'new' : o.value}`}
                    className={on ? 'choice choice-on unit-pick' : 'choice unit-pick'}
                    onClick={() => onChoose(u.name, o.value)}
                  >
                    {on ? '✓ ' : ''}
                    <Phrases text={o.label} />
                  </Button>
                );
              })}
            </View>
          </View>
        );
      })}
    </View>
  );
}

// The question an import asks before it registers any unit: for each unit name of the list that no
// unit on the roster has, the near units of the roster (one character off, 市 missing, a short name)
// and 新建单位「…」, one to choose.
import { Button, Text, View } from '@tarojs/components';
import type { ImportUnitDecision, ImportUnknownUnit } from '../../../contract';
import { Phrases } from '../../../components/phrases';
import { lineList, NEW, type NameChoices } from './unknown-names';

export function unitDecisionsOf(unknown: readonly ImportUnknownUnit[], choices: NameChoices): ImportUnitDecision[] {
  return unknown.map(({ name }) => (choices[name] === NEW ? { name, create: true as const } : { name, unitId: choices[name]! }));
}

/** What the import will do with the unit names, in words, for the confirmation. */
export function unitDecisionsInWords(unknown: readonly ImportUnknownUnit[], choices: NameChoices): string {
  return unknown
    .map(({ name, near }) => (choices[name] === NEW ? `新建单位「${name}」` : `「${name}」记为${near.find((n) => n.unitId === choices[name])?.name ?? ''}`))
    .join('；');
}

export function UnknownUnits(props: { unknown: readonly ImportUnknownUnit[]; choices: NameChoices; onChoose: (name: string, value: string) => void }) {
  const { unknown, choices, onChoose } = props;
  return (
    <View id="import-unknown-units">
      {unknown.map((u, i) => {
        const options = [...u.near.map((n) => ({ value: n.unitId, label: n.name })), { value: NEW, label: `新建单位「${u.name}」` }];
        return (
          <View key={u.name} className="card" id={`import-unit-${i}`}>
            <View className="card-title">表格中的单位「{u.name}」在名册中找不到</View>
            <View className="card-meta">
              <Text className="nowrap">{lineList(u.lines)}</Text>
            </View>
            <Text className="field-label">{u.near.length > 0 ? '是不是名册中的这个单位？请选择：' : '名册中没有相近的单位。请选择：'}</Text>
            <View className="list">
              {options.map((o) => {
                const on = choices[u.name] === o.value;
                return (
                  <Button
                    key={o.value}
                    id={`import-unit-choice-${i}-${o.value === NEW ? 'new' : o.value}`}
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

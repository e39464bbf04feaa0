// The lead unit's reply states the co-handlers' opinions: each can be marked as cited.
import { Button, View } from '@tarojs/components';
import type { OpinionView } from '../../../contract';

export function CoOpinionPicker(props: { opinions: OpinionView[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  const { opinions, chosen, onChange } = props;
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  return (
    <View className="field" id="co-opinions">
      <View className="field-label">已采纳的会办意见</View>
      {opinions.map((o) => (
        <View className="card" key={o.id}>
          <View className="card-title">{o.unitName}</View>
          <View className="card-text">{o.text}</View>
          <Button className={chosen.includes(o.id) ? 'choice choice-on' : 'choice'} onClick={() => toggle(o.id)}>
            {chosen.includes(o.id) ? '✓ 已在答复中引用' : '在答复中引用'}
          </Button>
        </View>
      ))}
    </View>
  );
}

// The deputy's view of progress: 交办 → 办理 → 答复 → 评价, each step labelled in words
// (已完成 / 进行中 / 未开始), never by colour alone.
import { Text, View } from '@tarojs/components';
import type { SuggestionStatus } from '../core/model';
import { DEPUTY_STEPS, deputyStepsDone } from '../core/status';

export function DeputySteps({ status, dates }: { status: SuggestionStatus; dates: (string | undefined)[] }) {
  const done = deputyStepsDone(status);
  return (
    <View className="steps">
      {DEPUTY_STEPS.map((name, i) => {
        const state = i < done ? '已完成' : i === done ? '进行中' : '未开始';
        const css = i < done ? 'step step-done' : i === done ? 'step step-current' : 'step';
        const date = dates[i];
        return (
          // The step may break between its name and its date at large text, never inside either.
          <Text key={name} className={css}>
            <Text className="nowrap">
              {name}·{state}
            </Text>
            {date ? ' ' : ''}
            {date ? <Text className="nowrap">{date}</Text> : null}
          </Text>
        );
      })}
    </View>
  );
}

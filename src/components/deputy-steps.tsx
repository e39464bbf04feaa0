// The deputy's view of progress: 交办 → 办理 → 答复 → 评价, each step labelled in words
// (已完成 / 进行中 / 未开始), never by colour alone.
import { Text, View } from '@tarojs/components';
import type { SuggestionStatus } from '../core/model';

const STEPS = ['交办', '办理', '答复', '评价'] as const;

/** How many steps are done, read from the derived status the server reports. */
function stepsDone(status: SuggestionStatus): number {
  switch (status) {
    case 'pending':
      return 0;
    case 'handling':
      return 1;
    case 'replied':
      return 3;
    default:
      return 4; // closed, disclosed, archived
  }
}

export interface StepDates {
  assignedAt?: string;
  repliedAt?: string;
  ratedAt?: string;
}

export function DeputySteps({ status, dates }: { status: SuggestionStatus; dates: (string | undefined)[] }) {
  const done = stepsDone(status);
  return (
    <View className="steps">
      {STEPS.map((name, i) => {
        const state = i < done ? '已完成' : i === done ? '进行中' : '未开始';
        const css = i < done ? 'step step-done' : i === done ? 'step step-current' : 'step';
        const date = dates[i];
        return (
          <Text key={name} className={css}>
            {name}·{state}
            {date ? ` ${date}` : ''}
          </Text>
        );
      })}
    </View>
  );
}

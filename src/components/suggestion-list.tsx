// A list of suggestions (a deputy's own, or all for the office); a tap on one calls onOpen with its id.
import { Text, View } from '@tarojs/components';
import type { SuggestionListItem } from '../contract';
import { DeputySteps } from './deputy-steps';
import { formatDate } from './format';

export function SuggestionList({
  items,
  showSteps,
  onOpen,
  className,
  id,
}: {
  items: SuggestionListItem[];
  showSteps: boolean;
  onOpen: (suggestionId: string) => void;
  /** More classes for the list, e.g. desk-grid: cards side by side at desk width. */
  className?: string;
  id?: string;
}) {
  return (
    <View className={className ? `list ${className}` : 'list'} id={id}>
      {items.map((item) => (
        <View key={item.id} className="card suggestion-item" id={`suggestion-${item.id}`} onClick={() => onOpen(item.id)}>
          <View className="card-head">
            <Text className="card-number">{item.number}号</Text>
            <Text className="tag">{item.statusLabel}</Text>
          </View>
          <View className="card-title">{item.title}</View>
          {showSteps ? (
            <DeputySteps
              status={item.status}
              dates={[item.assignedAt, undefined, item.repliedAt, item.ratedAt].map((d) => (d ? formatDate(d) : undefined))}
            />
          ) : (
            <View className="card-meta">当前：{item.step}</View>
          )}
          {item.units.length > 0 ? (
            <View className="card-meta">承办：{item.units.map((u) => `${u.unitName}（${u.roleLabel}）`).join('、')}</View>
          ) : null}
          {item.replyDue ? (
            <View className="card-meta">
              {item.deadlineLabel}：{item.replyDue}
              {item.daysLeftText ? <Text className={item.overdue ? 'overdue' : ''}>（{item.daysLeftText}）</Text> : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

// What happened, in people's words: the audit events as the server labels them.
import { View } from '@tarojs/components';
import type { EventView } from '../../../contract';
import { formatTime } from '../../../components/format';

export function Timeline({ events }: { events: EventView[] }) {
  if (events.length === 0) return null;
  return (
    <View className="section" id="timeline">
      <View className="section-title">办理经过</View>
      <View className="card">
        {events.map((e, i) => (
          <View className="timeline-item" key={i}>
            <View className="timeline-time">{formatTime(e.at)}</View>
            <View>
              {e.actorName} {e.actionLabel}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

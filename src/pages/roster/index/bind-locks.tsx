// 绑定锁定: the WeChat identities locked now for wrong bind codes, each by the 锁定编号 the locked
// person reads from the bind page, with 解除锁定 (a deputy who mistyped calls the office). Shown on
// the roster only while there is a lock.
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useAction } from '../../../hooks/use-action';
import { useQuery } from '../../../hooks/use-query';
import { FormError } from '../../../components/fields';
import { QueryView } from '../../../components/query-view';
import { announce, confirmStep } from '../../../components/confirm';
import { formatTime } from '../../../components/format';

export function BindLocks({ refreshKey }: { refreshKey: number }) {
  const [lifted, setLifted] = useState(0);
  const query = useQuery('users.bindLocks', {}, refreshKey + lifted);
  const lift = useAction('users.liftBindLock');
  const liftLock = async (id: string, ref: string) => {
    const go = await confirmStep({ title: `确认解除锁定 ${ref}？`, consequence: '请先核实是本人来电：解除后这个微信可以立即再次输入绑定码。', confirmText: '确认解除' });
    if (!go) return;
    const response = await lift.run({ id });
    if (response.ok) {
      await announce('已解除锁定');
      setLifted((n) => n + 1);
    }
  };
  return (
    <QueryView query={query}>
      {({ items }) =>
        items.length === 0 ? null : (
          <View className="list" id="bind-locks">
            <View className="sub-title">因输错绑定码被锁定的微信（{items.length}个）</View>
            {items.map((l) => (
              <View key={l.id} className="card" id={`bind-lock-${l.ref}`}>
                <View className="card-head">
                  <Text className="card-title">锁定编号 {l.ref}</Text>
                </View>
                <View className="card-meta">
                  连续输错{l.failures}次，最后一次在<Text className="nowrap">{formatTime(l.lastFailureAt)}</Text>，锁定至<Text className="nowrap">{formatTime(l.lockedUntil)}</Text>
                </View>
                <Button className="btn btn-warn" id={`lift-${l.ref}`} disabled={lift.pending || undefined} onClick={() => void liftLock(l.id, l.ref)}>
                  解除锁定
                </Button>
              </View>
            ))}
            <FormError message={lift.error?.message} />
          </View>
        )
      }
    </QueryView>
  );
}

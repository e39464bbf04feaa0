// The three states every page shows besides its data: loading, empty and error (with 重试).
import { Button, Text, View } from '@tarojs/components';
import type { ApiError } from '../core/errors';

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state state-loading" id="state-loading">
      <Text>{text}</Text>
    </View>
  );
}

export function Empty({ text }: { text: string }) {
  return (
    <View className="state state-empty" id="state-empty">
      <Text>{text}</Text>
    </View>
  );
}

export function ErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <View className="state state-error" id="state-error">
      <Text className="state-error-message">{error.message}</Text>
      {onRetry ? (
        <Button className="btn btn-primary" id="retry-btn" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

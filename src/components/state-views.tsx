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

/**
 * The foot of a list read page by page: the error of the last 加载更多 (重试 reads that page again),
 * 加载更多 while there is more, and 已全部显示 at the end where `endNote` asks for it. `id` names the
 * list: `<id>-more`, `<id>-end`.
 */
export function MorePages(props: { id: string; hasMore: boolean; pending: boolean; error: ApiError | null; onMore: () => void; endNote?: boolean }) {
  const { id, hasMore, pending, error, onMore, endNote = false } = props;
  return (
    <>
      {error ? <ErrorView error={error} onRetry={onMore} /> : null}
      {hasMore && !error ? (
        <Button className="btn btn-default" id={`${id}-more`} disabled={pending || undefined} onClick={() => (pending ? undefined : onMore())}>
          {pending ? '正在加载…' : '加载更多'}
        </Button>
      ) : null}
      {endNote && !hasMore ? (
        <View className="state" id={`${id}-end`}>
          已全部显示
        </View>
      ) : null}
    </>
  );
}

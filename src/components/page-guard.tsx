// Every page's error boundary: a page that fails while it renders shows, in words, that it could not
// be shown and a 重试 button (which renders it afresh, reading its data again), instead of the blank
// page a render error otherwise leaves in WeChat. The error itself goes to the console (and from
// there to WeChat's error reports); the person is never shown a stack or an English message.
import { Component, Fragment, type ComponentType, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { PAGE_FAILED_TEXT } from './page-failed';

export { PAGE_FAILED_TEXT };

interface State {
  failed: boolean;
  attempt: number;
}


export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('页面出错', error);
  }

  retry = (): void => {
    this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));
  };

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <View className="screen" id="page-failed">
          <View className="state state-error">
            <Text className="state-error-message">{PAGE_FAILED_TEXT}</Text>
            <Button className="btn btn-primary" id="page-retry" onClick={this.retry}>
              重试
            </Button>
          </View>
        </View>
      );
    }
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}

/** A page component inside its error boundary: `export default guarded(SomePage)`. */
export function guarded<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function GuardedPage(props: P) {
    return (
      <PageErrorBoundary>
        <Page {...props} />
      </PageErrorBoundary>
    );
  }
  GuardedPage.displayName = `Guarded(${Page.displayName ?? Page.name ?? 'Page'})`;
  return GuardedPage;
}

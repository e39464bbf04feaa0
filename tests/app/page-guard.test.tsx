import { act, fireEvent, render } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { guarded, PAGE_FAILED_TEXT } from '../../src/components/page-guard';
import { recentYears } from '../../src/components/case-filters';

// A page that fails while rendering shows the failure in words and 重试 instead of a blank page.
describe('the error boundary of every page', () => {
  it('shows the failure in words with 重试, and 重试 renders the page afresh', async () => {
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('boom');
      return <Text>页面内容</Text>;
    }
    const Page = guarded(Flaky);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = render(<Page />);
    await act(async () => undefined);
    expect(view.container.textContent).toContain(PAGE_FAILED_TEXT);
    expect(view.container.textContent).not.toContain('boom');
    broken = false;
    fireEvent.click(view.getByText('重试'));
    await act(async () => undefined);
    expect(view.container.textContent).toContain('页面内容');
    expect(view.container.textContent).not.toContain(PAGE_FAILED_TEXT);
    quiet.mockRestore();
  });
});

describe('the year choices of the office lists', () => {
  it('are Beijing years, even where the JavaScript engine has no Intl (WeChat on Android)', () => {
    const intl = globalThis.Intl;
    // @ts-expect-error: the engine of WeChat on Android
    delete globalThis.Intl;
    try {
      // 16:30 UTC on 31 December is already 1 January in Beijing.
      expect(recentYears(new Date('2026-12-31T16:30:00Z'), 3)).toEqual([2027, 2026, 2025]);
      expect(recentYears(new Date('2026-12-31T15:30:00Z'), 2)).toEqual([2026, 2025]);
    } finally {
      globalThis.Intl = intl;
    }
  });
});

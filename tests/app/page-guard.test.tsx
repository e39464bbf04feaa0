import { act, fireEvent, render } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { guarded, PAGE_FAILED_TEXT } from '../../src/components/page-guard';
import { yearChoices } from '../../src/components/case-filters';
import { beijingYear } from '../../src/components/format';

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
  it('are the years with data, latest first, and the chosen one even without data', () => {
    expect(yearChoices([2024, 2026], undefined)).toEqual([2026, 2024]);
    expect(yearChoices([2026, 2024], 2025)).toEqual([2026, 2025, 2024]);
    expect(yearChoices([], undefined)).toEqual([]);
  });

  it('count in Beijing years, even where the JavaScript engine has no Intl (WeChat on Android)', () => {
    const intl = globalThis.Intl;
    // @ts-expect-error: the engine of WeChat on Android
    delete globalThis.Intl;
    try {
      // 16:30 UTC on 31 December is already 1 January in Beijing.
      expect(beijingYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
      expect(beijingYear(new Date('2026-12-31T15:30:00Z'))).toBe(2026);
    } finally {
      globalThis.Intl = intl;
    }
  });
});

import { baseFontSize, browserFontSize } from '../../src/hooks/use-base-font-size';

/** A document whose probe at `font-size: medium` computes to `px` (the reader's browser text size). */
function documentAt(px: string): Document {
  const doc = document.implementation.createHTMLDocument('probe');
  Object.defineProperty(doc, 'defaultView', { value: { getComputedStyle: () => ({ fontSize: px }) } });
  return doc;
}

describe('the base text size in the browser build', () => {
  it('reads the browser text size from a probe, and nothing when it cannot', () => {
    expect(browserFontSize(documentAt('24px'))).toBe(24);
    expect(browserFontSize(documentAt('16px'))).toBe(16);
    expect(browserFontSize(documentAt('medium'))).toBeUndefined();
    expect(browserFontSize(undefined)).toBeUndefined();
  });

  it('is a number of at least 17 px, never NaN', () => {
    const size = baseFontSize();
    expect(Number.isFinite(size)).toBe(true);
    expect(size).toBeGreaterThanOrEqual(17);
  });
});

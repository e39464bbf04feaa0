// The words of a page that could not be shown (src/components/page-guard.tsx), on their own so that the
// tests of the built mini-program can look for them.
export const PAGE_FAILED_TEXT = '这一页没能显示出来。请点“重试”；如果仍然不行，请返回后重新打开。';

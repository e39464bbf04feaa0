// The home page is the only page of the main package; everything else loads on demand from
// subpackages, keeping the main package well under its 512 KB budget.
export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'pages/work',
      pages: [
        'detail/index',
        'request/index',
        'contact/index',
        'draft/index',
        'opinion/index',
        'review/index',
        'feedback/index',
        'progress/index',
      ],
    },
    { root: 'pages/account', pages: ['messages/index', 'bind/index'] },
    { root: 'pages/public', pages: ['list/index', 'reply/index'] },
    { root: 'pages/roster', pages: ['index/index', 'person/index', 'import/index', 'setup/index'] },
    { root: 'pages/proposals', pages: ['mine/index', 'edit/index', 'view/index', 'queue/index'] },
    { root: 'pages/office', pages: ['decide/index', 'disclose/index', 'stats/index', 'assign/index', 'ledger/index', 'import/index', 'suggestions/index'] },
  ],
  window: {
    navigationBarTitleText: '建议通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f2f2f2',
  },
  // WeChat for PC (Windows, Mac) and tablets: the window may be resized, and WXSS @media rules lay the
  // office's pages out at desk width (docs/wechat.md).
  resizable: true,
  // Only the components a page uses are injected when it opens (base library 2.11.1; ignored below).
  lazyCodeLoading: 'requiredComponents',
  // H5 only (WeChat refuses the key): no sliding page transition. A back gesture during the slide left
  // a blank page, and still pages are easier on older eyes.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});

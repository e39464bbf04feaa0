export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    navigationBarTitleText: '建议通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f2f2f2',
  },
});

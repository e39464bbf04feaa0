export default definePageConfig({ navigationBarTitleText: '记录面复' });

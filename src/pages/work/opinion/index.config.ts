export default definePageConfig({ navigationBarTitleText: '会办意见' });

export default definePageConfig({ navigationBarTitleText: '起草答复' });

export default definePageConfig({ navigationBarTitleText: '审核与签发' });

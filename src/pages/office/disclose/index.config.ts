export default definePageConfig({ navigationBarTitleText: '公开与归档' });

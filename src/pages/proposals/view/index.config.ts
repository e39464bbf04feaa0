export default definePageConfig({ navigationBarTitleText: '建议草稿' });

export default definePageConfig({ navigationBarTitleText: '统计与年度总结' });

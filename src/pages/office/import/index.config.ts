export default definePageConfig({ navigationBarTitleText: '导入交办清单' });

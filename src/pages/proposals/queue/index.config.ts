export default definePageConfig({ navigationBarTitleText: '待立案' });

export default definePageConfig({ navigationBarTitleText: '创建管理员' });

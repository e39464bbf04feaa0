export default definePageConfig({ navigationBarTitleText: '申请退回或延期' });

export default definePageConfig({ navigationBarTitleText: '审批与督办' });

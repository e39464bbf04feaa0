export default definePageConfig({ navigationBarTitleText: '办理台账' });

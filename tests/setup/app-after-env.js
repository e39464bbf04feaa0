// Runs after the test framework is installed: each test starts from an empty document.
const { cleanup } = require('@testing-library/react');

afterEach(() => {
  cleanup();
});

// WeChat's dialog and toast are the platform's: a test sees what was asked and answers it. By default
// the person confirms; a test answers otherwise with mockResolvedValueOnce({ confirm: false, cancel: true }).
const Taro = require('@tarojs/taro').default;
beforeEach(() => {
  global.showModal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  global.showToast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});
afterEach(() => {
  global.showModal.mockRestore();
  global.showToast.mockRestore();
});

// The pause after a success message is for people; tests move on at once.
require('../../src/components/confirm').successPause.ms = 0;

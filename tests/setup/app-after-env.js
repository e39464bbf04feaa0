// Runs after the test framework is installed: each test starts from an empty document.
const { cleanup } = require('@testing-library/react');

afterEach(() => {
  cleanup();
});

// A browser test starts a gateway and Chromium: minutes, not Jest's default 5 seconds.
// (testTimeout is a global option; a project sets its own here.)
jest.setTimeout(180000);

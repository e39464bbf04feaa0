// Server and core tests open whole offices (SQLite or the CloudBase emulator) in their hooks; on a shared
// 2-core machine Jest's 5 s default cut those hooks short. 30 s stays a guard against a hang, not a timing
// assertion (performance is measured by `npm run bench`).
jest.setTimeout(30_000);

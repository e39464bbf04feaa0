// Outside the cloud the SDK must be told so (else it waits on a metadata lookup), and it needs
// credentials to sign requests: fake ones, since every request goes to a local listener. Import this
// module before wx-server-sdk.
process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID = 'test-secret-id';
process.env.TENCENTCLOUD_SECRETKEY = 'test-secret-key';
// No "request longer than 3s" timer per database request (node-sdk tcbapirequester.js): a request
// the emulator cuts would leave it running past the test.
process.env.SILENCE = 'true';
export {};

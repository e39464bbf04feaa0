// Outside the cloud the SDK must be told so (else it waits on a metadata lookup), and it needs
// credentials to sign requests: fake ones, since every request goes to a local listener.
process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID = 'test-secret-id';
process.env.TENCENTCLOUD_SECRETKEY = 'test-secret-key';
export {};

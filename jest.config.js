// One Jest run, five projects mirroring the tree: core and server run in Node, wechat checks the
// weapp build with WeChat's own tools, app renders real Taro H5 components in jsdom, e2e drives
// headless Chromium against the local gateway.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
];

const node = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/tests/${name}`],
  transform: { '^.+\\.(t|j)sx?$': swc },
  ...extra,
});

module.exports = {
  projects: [
    node('core', { setupFilesAfterEnv: ['<rootDir>/tests/setup/node-timeout.js'] }),
    node('server', { setupFilesAfterEnv: ['<rootDir>/tests/setup/node-timeout.js'] }),
    node('arch'),
    // The mini-program as WeChat meets it: built once, then WeChat's compilers and a simulated runtime.
    node('wechat', { globalSetup: '<rootDir>/tests/wechat/build-weapp.js' }),
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/app'],
      setupFiles: ['<rootDir>/tests/setup/app-env.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/app-after-env.js'],
      transform: { '^.+\\.(t|j|mj)sx?$': swc },
      transformIgnorePatterns: ['/node_modules/(?:react|react-dom|scheduler|@testing-library|jsdom|@babel)/'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/setup/taro-shim.js',
        '\\.(css|scss|less)$': '<rootDir>/tests/setup/style-stub.js',
      },
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_MUTATION_OBSERVER: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
        __TARO_FRAMEWORK__: 'react',
      },
    },
    node('e2e', { setupFilesAfterEnv: ['<rootDir>/tests/setup/e2e-timeout.js'] }),
  ],
};

import tseslint from 'typescript-eslint';

// The arrows point inward (docs/architecture.md, Layers): the app never reaches into the server, and the core
// knows nothing but itself, dayjs and chinese-days (its module or its holiday data file). tests/arch proves these rules bite.
const appFiles = ['src/app.tsx', 'src/app.config.ts', 'src/pages/**', 'src/components/**', 'src/api/**', 'src/hooks/**'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'dist-h5/**', 'coverage/**', 'cloudfunctions/*/index.js', 'cloudfunctions/*/node_modules/**', 'data/**', 'artifacts/**', '.swc/**'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-debugger': 'error',
    },
  },
  {
    files: appFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server(/|$)',
              message: '小程序代码不能引用 src/server：请通过 src/api 调用云函数。',
            },
          ],
        },
      ],
    },
  },
  {
    // Code that runs in WeChat (docs/wechat.md): no Intl (WeChat on Android has none) and no
    // ES2019+ library method, which the JavaScript engines of older phones lack (syntax is
    // transpiled, library methods are not). The runtime test of the weapp build runs without them.
    files: [...appFiles, 'src/core/**', 'src/contract/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Intl', message: '安卓微信没有 Intl：北京时间用 src/components/format.ts 的算术。' }, { name: 'structuredClone', message: '旧版微信没有 structuredClone。' }],
      'no-restricted-properties': [
        'error',
        ...['flatMap', 'flat', 'replaceAll', 'matchAll', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced'].map((property) => ({
          property,
          message: `旧版手机的 JavaScript 引擎没有 ${property}：请用 ES2018 以内的写法（如 concat、split/join）。`,
        })),
        ...['fromEntries', 'hasOwn', 'groupBy'].map((property) => ({ object: 'Object', property, message: `旧版手机的 JavaScript 引擎没有 Object.${property}。` })),
        ...['allSettled', 'any'].map((property) => ({ object: 'Promise', property, message: `旧版手机的 JavaScript 引擎没有 Promise.${property}。` })),
      ],
    },
  },
  {
    // The heavy libraries load on first use (src/server/lazy), never at a cloud function's cold start.
    files: ['src/server/**'],
    ignores: ['src/server/lazy/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(exceljs|docx|libphonenumber-js)(/|$)',
              allowTypeImports: true,
              message: '该库较大，只能在用到它的操作中按需加载：请通过 src/server/lazy 的加载函数（await import）使用。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|\\.\\./core/|dayjs(/|$)|chinese-days(/dist/chinese-days\\.json)?$)',
              message: 'src/core 只能引用自身、dayjs 和 chinese-days。',
            },
            {
              regex: '^\\.\\./(?!core/)',
              message: 'src/core 只能引用自身、dayjs 和 chinese-days。',
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration arrives through the server's deps (docs/architecture.md, Layers): only the
    // composition roots read the environment — the cloud functions' index.ts and the gateway's main.ts.
    files: ['src/server/**', 'src/core/**', 'src/contract/**'],
    ignores: ['src/server/gateway/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: '只有组合根（云函数的 index.ts、本地网关的 main.ts）读取环境变量；其余代码通过 deps 取得配置。',
        },
        {
          // `import { z }` keeps all of zod in a function's bundle (over 400 KB); the namespace keeps what is used.
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "请写 import * as z from 'zod'：打包时只保留用到的部分。",
        },
      ],
    },
  },
);

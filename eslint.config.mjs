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
);

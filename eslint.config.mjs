import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'miniprogram/miniprogram_npm/**', 'coverage/**', 'dist/**', '.preview/**', 'docs/**', 'bench/**/*.json'],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
    },
  },
  {
    // wx lives only behind services/: core and pages must not call it directly.
    files: ['miniprogram/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'wx', message: 'core/ is pure: put wx calls behind a service' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core/ takes time as an argument' }],
    },
  },
  {
    files: ['miniprogram/pages/**/*.ts', 'miniprogram/components/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'wx', message: 'pages talk to services(), not wx' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

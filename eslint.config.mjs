import tseslint from 'typescript-eslint';

/** An import specifier that reaches into one of these top-level folders of miniprogram/. */
const into = (...folders) => `(^|/)(${folders.join('|')})(/|$)`;
const BACKENDS = { regex: into('backends'), message: 'only services/container.ts picks a backend: talk to services() and contracts.ts' };
const RECORD_STORE = { regex: '(^|/)services/records/', message: 'the record store is reached through services().records (RecordStore in contracts.ts)' };
/**
 * Pure rules used by one subpackage only live in that subpackage (pages/<p>/core/), so they
 * do not weigh on the main package; they are held to the same walls as core/.
 */
const CORE_FILES = ['miniprogram/core/**/*.ts', 'miniprogram/pages/*/core/**/*.ts'];

function restrict(files, patterns) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    },
  };
}

const CORE_WALL = { regex: into('services', 'backends', 'pages', 'components', 'view', 'lib'), message: 'core/ is pure rules: it imports only core/ (and npm packages)' };

function walls() {
  return [
    restrict(['miniprogram/view/**/*.ts', 'miniprogram/lib/**/*.ts'], [{ regex: into('services', 'backends', 'pages', 'components'), message: 'view/ and lib/ are pure helpers: they import core/, view/ and lib/ only' }]),
    restrict(['miniprogram/pages/**/*.ts'], [BACKENDS, RECORD_STORE]),
    // Components get their data through properties: type-only imports of contracts are all they may take from services/.
    restrict(['miniprogram/components/**/*.ts'], [
      BACKENDS,
      RECORD_STORE,
      { regex: into('services', 'pages'), allowTypeImports: true, message: 'components are fed by properties and answer with events: no services, no pages' },
    ]),
    restrict(['miniprogram/services/**/*.ts'], [{ regex: into('pages', 'components'), message: 'services never reach up into pages or components' }]),
    {
      files: ['miniprogram/services/**/*.ts'],
      ignores: ['miniprogram/services/container.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: [BACKENDS, { regex: into('pages', 'components'), message: 'services never reach up into pages or components' }] }],
      },
    },
    restrict(['miniprogram/backends/**/*.ts'], [{ regex: into('pages', 'components', 'view'), message: 'a backend implements contracts.ts: it knows nothing of pages' }]),
    // Last, so a subpackage's core/ (also under pages/) gets the core wall, not the pages one.
    restrict(CORE_FILES, [CORE_WALL]),
  ];
}

export default tseslint.config(
  {
    ignores: ['node_modules/**', '**/miniprogram_npm/**', 'coverage/**', 'dist/**', '.preview/**', 'docs/**', 'bench/**/*.json'],
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
    files: CORE_FILES,
    rules: {
      'no-restricted-globals': ['error', { name: 'wx', message: 'core/ is pure: put wx calls behind a service' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core/ takes time as an argument' }],
    },
  },
  {
    files: ['miniprogram/pages/**/*.ts', 'miniprogram/components/**/*.ts', 'miniprogram/view/**/*.ts', 'miniprogram/lib/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'wx', message: 'pages talk to services(), not wx' }],
    },
  },
  // The walls between layers (see README, "How it is built"). Each block lists what its
  // files may not import; a test (test/lint-walls.test.ts) proves each wall holds.
  ...walls(),
  {
    // A page's index.ts translates between the user and core; each concern it grows goes
    // into a module of methods it spreads in (see pages/lookup/*-methods.ts), so no page
    // file grows past a screenful of reading. Blank lines and comments count.
    files: ['miniprogram/pages/**/index.ts'],
    rules: {
      'max-lines': ['error', { max: 250, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

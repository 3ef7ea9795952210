// ESLint (`npm run lint`, run early by `npm test`): TypeScript's recommended rules, the two hooks rules the
// components rely on, no import cycles, and the layers: every import points down (README.md, "Layers").
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The domain: lib/ less the floors that touch the browser, the record page or the service worker (a folder
 * added to lib/ is in the domain unless it is one of those).
 */
const DOMAIN = ['./lib/!(browser|background|page)/**/*', './lib/*.ts'];
/** The pure domain: the domain less the records database (lib/db) and the team sync (lib/sync) built on it. */
const PURE = ['./lib/!(browser|background|page|db|sync)/**/*', './lib/*.ts'];

const layers = [
  {
    target: DOMAIN,
    from: ['./lib/browser', './lib/background', './lib/page'],
    message: 'The domain (pure lib/) imports no browser, service-worker or record-page code: pass in what it needs.',
  },
  {
    target: PURE,
    from: ['./lib/db', './lib/sync'],
    message: 'Pure lib/ reads no database and syncs nothing: lib/db and lib/sync build on it, not it on them.',
  },
  {
    target: './lib/db',
    from: './lib/sync',
    message: 'The records database (lib/db) is below the team sync (lib/sync), which reads and writes through it.',
  },
  {
    target: './lib',
    from: ['./components', './entrypoints'],
    message: 'lib/ never imports a component or an entry point.',
  },
  {
    target: ['./lib/browser', './lib/page'],
    from: './lib/background',
    message: 'Only the service worker (entrypoints/background.ts) uses lib/background/.',
  },
  {
    target: './components',
    from: ['./lib/db', './lib/background', './entrypoints'],
    message: 'Components do not open the database or reach into the service worker: records come through the records client.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'demo/public/',
      'docs/',
      'public/',
      'lib/time/bank-holidays.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      // import-x reads each imported file itself (to follow cycles): TypeScript's parser for .ts and .tsx.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Hooks are Preact's, in the pages' code; elsewhere a `use…` name is no hook (Playwright's fixtures, `useTranslations`).
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests hand the code deliberately malformed input, and reach the extension's API inside a page.
      '@typescript-eslint/no-explicit-any': 'off',
      // Playwright reads a fixture's dependencies from its destructured first argument: `{}` is how it says none.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
);

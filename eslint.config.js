// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which folder may import which (DESIGN.md, "Layout"): `core` is pure and imports only `core`;
 * `web` (the browser) imports `core`; `editor` imports `core` and `web/ui`; `node` imports
 * `core`; nothing in `src/` imports tests or scripts, and the bench only the shared
 * `tests/support/`. Inside `web`, the app shell wires the modules, so none of them imports it.
 */
const everywhereElse = ['./tests', './scripts', './bench'];
const boundaries = [
  { target: './src/core', from: ['./src/web', './src/editor', './src/node', ...everywhereElse] },
  { target: './src/web', from: ['./src/editor', './src/node', ...everywhereElse] },
  {
    target: './src/editor',
    from: ['./src/web', './src/node', ...everywhereElse],
    except: ['./ui'],
  },
  { target: './src/node', from: ['./src/web', './src/editor', ...everywhereElse] },
  {
    target: './src/web/!(app|main.ts)/**/*',
    from: ['./src/web/app', './src/web/main.ts'],
    message: 'only the app shell (src/web/app) wires the browser modules together',
  },
  { target: './bench', from: './tests', except: ['./support'] },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'public/', 'bench/tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Parse .ts dependencies with the TypeScript parser, or no-cycle cannot follow them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/extensions': ['.ts', '.mts', '.mjs', '.js'],
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.mts', '.mjs', '.js'] }),
      ],
    },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    // Pure modules: no DOM and no Node, so they run (and are tested) anywhere.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^node:', message: 'src/core is pure: no Node modules here' }] },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'fetch'].map((name) => ({
          name,
          message: 'src/core is pure: no browser globals here',
        })),
        ...['process', 'Buffer', '__dirname', 'require'].map((name) => ({
          name,
          message: 'src/core is pure: no Node globals here',
        })),
      ],
    },
  },
);

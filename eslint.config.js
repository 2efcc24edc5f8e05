import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Import boundaries from docs/architecture (the table "who may import what"):
 * shared → nothing with I/O; db → shared; electron → shared, db; ui → shared; renderer → shared, ui; hq → shared
 * (its console: shared, ui).
 * Only electron/main* and electron/preload* may import `electron`.
 */
const noIo = ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'better-sqlite3', 'kysely', 'fastify'];
const banned = (patterns, message) => ({ group: patterns, message });
const boundary = (groups) => ['error', { patterns: groups }];
/** A React web app's files: browser globals, the hooks rules, and what it may not import. */
const webApp = (files, notImported, message) => ({
  files,
  languageOptions: { globals: { ...globals.browser } },
  plugins: { 'react-hooks': reactHooks },
  rules: {
    ...reactHooks.configs.recommended.rules,
    'no-restricted-imports': boundary([
      banned([...noIo, '**/db/**', '**/electron/**', '**/shared/node/**', ...notImported], message),
    ]),
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/e2e/artifacts/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        banned(noIo, 'shared/ holds pure rules and schemas: no I/O.'),
        banned(
          ['**/db/**', '**/electron/**', '**/renderer/**', '**/ui/**', '**/hq/**'],
          'shared/ imports nothing of the project.',
        ),
      ]),
    },
  },
  {
    // Node-only code both processes run (key derivation with node:crypto): no I/O still, and never in a page.
    files: ['shared/node/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        banned(
          noIo.filter((p) => p !== 'node:*'),
          'shared/node/ may use node:crypto, no I/O.',
        ),
        banned(
          ['node:fs', 'node:path', 'node:os', 'node:child_process', 'node:net', 'node:http', 'node:https'],
          'shared/node/ does no I/O.',
        ),
        banned(
          ['**/db/**', '**/electron/**', '**/renderer/**', '**/ui/**', '**/hq/**'],
          'shared/ imports nothing of the project.',
        ),
      ]),
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        banned(['electron', '**/electron/**', '**/renderer/**', '**/ui/**', '**/hq/**'], 'db/ may import shared/ only.'),
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main*.ts', 'electron/preload*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        banned(
          ['electron'],
          'Only electron/main* and electron/preload* may import electron: the backend must run under plain Node.',
        ),
        banned(['**/renderer/**', '**/ui/**', '**/hq/**'], 'electron/ may import shared/ and db/ only.'),
      ]),
    },
  },
  {
    files: ['electron/main*.ts', 'electron/preload*.ts'],
    rules: {
      'no-restricted-imports': boundary([
        banned(['**/renderer/**', '**/ui/**', '**/hq/**'], 'electron/ may import shared/ and db/ only.'),
      ]),
    },
  },
  webApp(
    ['renderer/**/*.{ts,tsx}'],
    ['**/hq/**'],
    'renderer/ talks to the desk only through window.desk; it may import shared/ (not shared/node/) and ui/ only.',
  ),
  // React parts both web apps import (the desk's screens and HQ's console); words come from the caller.
  webApp(
    ['ui/**/*.{ts,tsx}'],
    ['**/renderer/**', '**/hq/**'],
    'ui/ is shared by the desk and the console: it may import shared/ only.',
  ),
  {
    files: ['hq/**/*.ts'],
    ignores: ['hq/console/**'],
    rules: {
      'no-restricted-imports': boundary([
        banned(['electron', '**/db/**', '**/electron/**', '**/renderer/**', '**/ui/**'], 'hq/ may import shared/ only.'),
      ]),
    },
  },
  // The HQ console (issue 21): a web app like the renderer; it talks to HQ only through its contract.
  webApp(
    ['hq/console/**/*.{ts,tsx}'],
    ['**/renderer/**', '**/hq/src/**', '!**/hq/src/console/contract/**'],
    'hq/console/ talks to HQ only through call(); it may import shared/, ui/ and the console contract only.',
  ),
);

// Lint rules for the whole repository: typescript-eslint's recommended set plus React hooks rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // shared/ is environment-free: no Node, Electron or DOM-only modules.
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'electron', 'react', 'react-dom'] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // The renderer talks to the main process only through shared/ipc; it never imports its code.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', 'electron', 'node:*'], message: 'renderer/ imports only shared/ (and browser packages).' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      // The main process never imports the renderer's code; both share shared/.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ imports only shared/ and Node/Electron packages.' }] }],
    },
  },
  {
    files: ['electron/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}'],
    rules: {
      // Every spread argument is a stack slot: `push(...list)`, `Math.max(...list)` or `String.fromCodePoint(...list)`
      // throw "Maximum call stack size exceeded" past about 120,000 elements (a 20 MB page did). Use a loop, concat or
      // a reduce; a spread of a list that is small by construction says why in a disable comment.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message: 'No argument spreading (…list in a call): an unbounded list overflows the stack. Loop, concat, or say why it is bounded.',
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);

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
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);

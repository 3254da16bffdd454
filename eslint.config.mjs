// Lint = the layer rules of docs/architecture.md, enforced per folder, plus TypeScript hygiene.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'util', 'events', 'worker_threads'];
const azure = ['@azure/*'];
const ui = ['react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'elkjs', 'elkjs/*'];

// Bare names (`net`, `fs`) must match exactly, not as a path segment (`../net/cidr` is ours).
const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', {
    paths: groups.filter((g) => !/[*/]/.test(g)).map((name) => ({ name, message })),
    patterns: [{ group: groups.filter((g) => /[*/]/.test(g)), message }],
  }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  // Config files are the one place a default export is the tool's convention.
  { files: ['*.config.ts', '*.config.mts', '*.config.mjs', 'e2e/**/*.config.ts'], rules: { 'no-restricted-exports': 'off' } },
  {
    // Tests included: a test that needs files or processes lives in test/, not beside pure code.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(['electron', ...nodeBuiltins, ...azure, ...ui, '**/test/support/**'], 'src/shared is pure TypeScript: it runs in Node tests, the renderer, main and the CLI alike.'),
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(['electron', ...nodeBuiltins, ...azure, '**/main/**', '**/preload/**'], 'The renderer talks to main only through the contract in src/shared/ipc.'),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/azure/**', 'src/main/electron/**'],
    rules: restrict(['electron', ...azure, ...ui, '**/renderer/**', '**/preload/**'], '@azure/* lives in src/main/azure and electron in src/main/electron only.'),
  },
  {
    files: ['src/main/azure/**/*.ts'],
    rules: restrict(['electron', ...ui, '**/renderer/**'], 'The harvester is plain Node.'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([...nodeBuiltins, ...azure, ...ui, '**/main/**', '**/renderer/**'], 'The preload exposes the typed contract and nothing else.'),
  },
  {
    files: ['e2e/**/*.ts'],
    rules: restrict(['electron', '**/src/main/**', '**/src/renderer/**', '**/src/preload/**'], 'End-to-end tests drive the built app; they use shared types and fixtures, not app internals.'),
  },
);

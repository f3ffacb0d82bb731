// ESLint flat config. The import boundaries encode the architecture (docs/architecture.md):
// renderer → shared only; shared → nothing platform-specific; local core → no electron.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX, { createNodeResolver } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'events', 'util']
const rendererImportBans = [
  { group: ['electron', 'electron/*'], message: 'No Electron in the renderer: use window.crm.' },
  { group: nodeBuiltins, message: 'No Node built-ins in the renderer.' },
  { group: ['better-sqlite3', 'pg', 'ioredis', 'drizzle-orm', 'drizzle-orm/*'], message: 'The renderer never touches a database.' },
]

export default tseslint.config(
  // *.config.ts.*.mjs: the bundled config electron-vite writes and deletes while it builds; scripts/check.sh runs the
  // build beside lint, and a file listed then gone failed lint (ENOENT).
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'drizzle/sqlite/**',
      'drizzle/pg/**',
      'coverage/**',
      '.tmp/**',
      'test-results/**',
      '*.config.ts.*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // The import-x rules need to resolve extensionless TypeScript imports; without this they silently match nothing.
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Value cycles only: inline `type` imports are erased at build time and never run (import-x skips them).
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./src/renderer/src/components', './src/renderer/src/lib'],
              from: './src/renderer/src/features',
              message: 'Shared components and libs sit below the features: they never import one.',
            },
            { target: './src/renderer', from: './src/main', message: 'The renderer talks to main only through window.crm (src/shared/ipc).' },
            { target: './src/renderer', from: './src/preload', message: 'The renderer talks to main only through window.crm.' },
            { target: './src/renderer', from: './sync-server', message: 'The renderer never reaches the server.' },
            {
              target: './src/renderer',
              from: './src/demo',
              message: 'Demo data is generated in main (demo mode) and on the server (seed-demo), never in the renderer.',
            },
            {
              target: './src/shared/**/!(*.test).ts',
              from: './src/demo',
              message: 'src/shared holds the rules every process shares; demo data lives in src/demo and imports them, not the other way.',
            },
            {
              target: './src/demo',
              from: ['./src/main', './src/renderer', './src/preload', './sync-server'],
              message: 'Demo data is built from src/shared only, so main, the server and scripts can all use it.',
            },
            { target: './src/shared', from: './src/main' },
            { target: './src/shared', from: './src/renderer' },
            { target: './src/shared', from: './src/preload' },
            { target: './src/shared', from: './sync-server' },
            { target: './src/main', from: './src/renderer' },
            { target: './src/main', from: './sync-server', message: 'The device never imports server code; share through src/shared.' },
            { target: './sync-server', from: './src/main', message: 'The server never imports device code; share through src/shared.' },
            { target: './sync-server', from: './src/renderer' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/shared runs everywhere: no electron.' },
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'src/shared runs everywhere: no react.' },
            { group: nodeBuiltins, message: 'src/shared runs in the renderer too: no Node built-ins.' },
            { group: ['better-sqlite3', 'pg', 'ioredis', 'fastify'], message: 'src/shared holds rules, not drivers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererImportBans }],
    },
  },
  {
    // Feature zones (bulletproof-react style): a feature uses another only through its public entry
    // (features/<name>/index.ts), so what a feature offers the others is written down in one place.
    files: ['src/renderer/src/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererImportBans,
            { regex: '^\\.\\./(?!\\.\\.)[^/]+/.+', message: "Import another feature through its public entry ('../<feature>'), not its files." },
          ],
        },
      ],
    },
  },
  {
    // The local core runs (and is tested) under plain Node: only the thin Electron layer may import electron.
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'electron/*'], message: 'The local core is Electron-free (tested under Node).' }] },
      ],
    },
  },
  {
    // Test support lives in test/ (device side: test/support/device) and sync-server/test (server side). Production
    // code never imports it; only *.test.ts(x) files next to the code may.
    files: ['src/**/*.{ts,tsx}', 'sync-server/src/**/*.ts', 'sync-server/db/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map((node) => ({
          selector: `${node}[source.value=/^\\.{1,2}\\/(.*\\/)?test\\//]`,
          message: 'Production code cannot import test support (test/, sync-server/test/).',
        })),
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
)

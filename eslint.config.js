import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/** Import boundaries of STYLE.md: shared imports neither side, the renderer never imports main, only main/electron imports electron. */
const noMain = { group: ['**/main/**', '../main/*', '../../main/*'], message: 'The renderer talks to main only through the api client and the shared contract.' }
const noRenderer = { group: ['**/renderer/**'], message: 'Main never imports renderer code.' }
const noElectron = { name: 'electron', message: "Only main/electron may import 'electron'." }

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-output/**', 'coverage/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Plain JavaScript run by Node directly (child processes, scripts).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [noMain, noRenderer, { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'shared/ runs in both processes: no Node modules.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noMain, { group: ['node:*'], message: 'The renderer never touches the disk.' }] }] },
  },
  {
    // Components render state and call store actions; only the store talks to main (docs/architecture.md).
    files: ['renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          noMain,
          { group: ['node:*'], message: 'The renderer never touches the disk.' },
          { group: ['**/api/client.js', '**/api/*Transport.js', '**/api/transport.js'], message: 'Components call store actions (renderer/store/); only the store uses the api client.' },
        ],
      }],
    },
  },
  {
    // The store holds state and calls main; it never reaches back into the components that render it.
    files: ['renderer/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [noMain, { group: ['node:*'], message: 'The renderer never touches the disk.' }, { group: ['**/components/**'], message: 'The store imports nothing from components.' }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noRenderer] }] },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
)

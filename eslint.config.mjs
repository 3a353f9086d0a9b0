// Lint as Office add-in projects do: typescript-eslint, react-hooks, eslint-plugin-office-addins
// (Office.js misuse such as context.sync in loops), and the architecture's arrows as import rules.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';

/** What engine/ and report/ may never import: they are pure and host-free (spec/architecture.md). */
const OUTWARD = {
  patterns: [
    { group: ['**/hosts/**', '**/hosts', '**/taskpane/**', '**/cli/**', '**/app/**'], message: 'engine/ and report/ import nothing from hosts, taskpane, cli or app: the arrows point inward.' },
    { group: ['node:*'], message: 'engine/ and report/ do no I/O: no Node built-ins.' },
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@fluentui/*', 'exceljs', 'office-js', '@microsoft/office-js', '@microsoft/office-js/*'], message: 'engine/ and report/ know nothing of React, Office.js or exceljs.' },
  ],
};

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // the code that talks to Office.js (the rules mistake exceljs's rows for Office.js objects in tests)
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  { files: ['src/engine/**/*.ts', 'src/report/**/*.ts'], rules: { 'no-restricted-imports': ['error', OUTWARD] } },
  {
    // tests drive fakes and emulators: looser typing is their job
    files: ['test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

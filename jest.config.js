/** Jest: TypeScript through swc (fast); node environment unless a test file asks for jsdom. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } }],
  },
  setupFiles: ['<rootDir>/test/setup-globals.ts'],
  testTimeout: 60000,
};

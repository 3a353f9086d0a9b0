/** npm run test:e2e: the built page in headless Chromium (playwright-core, /usr/bin/chromium). */
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['**/e2e/**/*.e2e.ts'], testTimeout: 120000 };

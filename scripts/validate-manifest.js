// npm run validate: Microsoft's validator for manifest.xml (office-addin-manifest) where its web
// service is reachable; otherwise the project's offline checks (test/manifest.test.ts).
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { validateManifest } = require('office-addin-manifest/lib/validate');

const ROOT = join(__dirname, '..');
const TIME_LIMIT_MS = 20_000;

function offline(reason) {
  console.log(`Microsoft's online validator is not reachable (${reason}); running the offline checks.`);
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--testPathPatterns', 'test/manifest'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const timeLimit = new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${TIME_LIMIT_MS / 1000} s`)), TIME_LIMIT_MS).unref());
Promise.race([validateManifest(join(ROOT, 'manifest.xml')), timeLimit]).then(
  (result) => {
    if (!result.isValid && !result.report) return offline('no report');
    for (const issue of [...(result.report?.errors ?? []), ...(result.report?.warnings ?? [])]) console.log(`${issue.title}: ${issue.content}`);
    console.log(result.isValid ? 'The manifest is valid.' : 'The manifest is not valid.');
    process.exit(result.isValid ? 0 : 1);
  },
  (e) => offline(e instanceof Error ? e.message.split('\n')[0] : String(e)),
);

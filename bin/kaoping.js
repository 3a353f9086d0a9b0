#!/usr/bin/env node
// The kaoping command. The TypeScript is compiled to build/ by `npm install` (the prepare script).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
// A run makes much short-lived garbage around a small live set; V8 would let the heap grow to four
// times what is live between full collections. Growing by half keeps peak memory near what is
// used (measured in `npm run bench`: 10,000 subjects 420 → 280 MB at the same speed).
require('node:v8').setFlagsFromString('--heap-growing-percent=50');

const entry = path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('kaoping is not built yet: run `npm install` (or `npm run build:cli`) in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
const fail = (e) => {
  process.stderr.write('kaoping: ' + (e && e.message ? e.message : String(e)) + '\n');
  process.exit(2);
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
require(entry)
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
  .then((code) => {
    process.exitCode = code;
  }, fail);

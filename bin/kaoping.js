#!/usr/bin/env node
// The kaoping command. The TypeScript is compiled to build/ by `npm install` (the prepare script).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

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

// HTTPS for `npm start`: the localhost certificate of office-addin-dev-certs, made on this machine
// the first time (nothing is downloaded). Trusting its CA, so that Excel accepts
// https://localhost:3000, is a separate step that needs an administrator:
// `npx office-addin-dev-certs install`.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { caCertificatePath, localhostCertificatePath, localhostKeyPath } = require('office-addin-dev-certs/lib/defaults');
const { generateCertificates } = require('office-addin-dev-certs/lib/generate');

async function devHttpsOptions() {
  if (![caCertificatePath, localhostCertificatePath, localhostKeyPath].every((p) => existsSync(p))) await generateCertificates();
  return { ca: readFileSync(caCertificatePath), cert: readFileSync(localhostCertificatePath), key: readFileSync(localhostKeyPath) };
}

module.exports = { devHttpsOptions };

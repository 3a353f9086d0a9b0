// The manifest's URLs all come from one base URL: the build replaces the development base.
'use strict';
const DEFAULT_BASE = 'https://localhost:3000';

/** manifest.xml text with every https://localhost:3000 replaced by `base` (no trailing slash). */
function withBaseUrl(xml, base) {
  const clean = String(base || DEFAULT_BASE).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(clean)) throw new Error(`ADDIN_BASE_URL must be an https URL, got "${base}"`);
  return xml.split(DEFAULT_BASE).join(clean);
}

module.exports = { withBaseUrl, DEFAULT_BASE };

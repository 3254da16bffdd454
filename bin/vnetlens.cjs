#!/usr/bin/env node
// `npx vnetlens …`: the CLI is bundled into out/cli by `npm run build:cli` (run by `prepare`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'out', 'cli', 'vnetlens.cjs');
if (!fs.existsSync(entry)) {
  process.stderr.write('vnetlens: the CLI is not built yet; run `npm run build:cli` (npm ci does it).\n');
  process.exit(2);
}
require(entry);

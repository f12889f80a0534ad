#!/usr/bin/env node
// The compiled CLI (dist/): it starts in well under a second. When the sources changed since the
// last build (a checkout, an edit), it compiles first, once.
const { ensureBuilt } = require('../scripts/build.js');

if (!ensureBuilt()) process.exit(1);
require('../dist/server/src/cli/main.js').main();

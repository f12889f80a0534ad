#!/usr/bin/env node
// Runs the TypeScript sources when ts-node is installed (never a stale build), the compiled CLI otherwise.
const path = require('node:path');

const root = path.join(__dirname, '..');
let entry = path.join(root, 'dist', 'server', 'src', 'cli', 'main.js');
try {
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  entry = path.join(root, 'server', 'src', 'cli', 'main.ts');
} catch {
  // production install without dev dependencies: the build from `npm run build` is used
}
const { runCli } = require(entry);
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  interactive: process.stderr.isTTY,
}).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`wa-ops: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

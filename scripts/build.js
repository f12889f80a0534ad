#!/usr/bin/env node
// Compiles the TypeScript sources into dist/ and the web console into dist/web, and records a
// fingerprint of what each was built from, so that `npm start` and the CLI can tell a current
// build from a stale one in a few milliseconds instead of running tsc (15 s) and Vite every time.
//
//   node scripts/build.js             always build both (npm run build)
//   node scripts/build.js --if-stale  build what changed (prestart, prepare); the CLI: the server only
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS: it runs before anything is compiled */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
/** Everything the build reads: a change to any of it makes dist/ stale. */
const INPUTS = ['server/src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const WEB_INPUTS = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.mts', 'package-lock.json'];
const OUT_DIR = 'dist';
const STAMP = path.join(OUT_DIR, '.fingerprint');
const WEB_DIR = path.join(OUT_DIR, 'web');
const WEB_STAMP = path.join(OUT_DIR, '.web-fingerprint');

function filesUnder(root, relative) {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [relative];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => filesUnder(root, path.join(relative, entry.name)));
}

/** sha256 over every input file's path and content (about 1 MB: a few milliseconds). */
function fingerprint(root = ROOT, inputs = INPUTS) {
  const hash = crypto.createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(root, input)))
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

function builtFingerprint(root = ROOT, stamp = STAMP) {
  try {
    return fs.readFileSync(path.join(root, stamp), 'utf8').trim();
  } catch {
    return undefined;
  }
}

function isCurrent(root = ROOT) {
  return builtFingerprint(root) === fingerprint(root);
}

const isWebCurrent = (root = ROOT) => builtFingerprint(root, WEB_STAMP) === fingerprint(root, WEB_INPUTS);

/**
 * Compiles into a clean dist/ (no output of a deleted source survives) and stamps it. Compiler
 * output goes to stderr, so a CLI's stdout stays its own. Returns false when the build failed.
 */
function build(root = ROOT) {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    process.stderr.write('wa-ops: cannot compile: TypeScript is not installed (run npm install)\n');
    return false;
  }
  const sources = fingerprint(root);
  // A clean dist/ but for the console, which has a build of its own.
  for (const entry of fs.existsSync(path.join(root, OUT_DIR)) ? fs.readdirSync(path.join(root, OUT_DIR)) : [])
    if (path.join(OUT_DIR, entry) !== WEB_DIR && path.join(OUT_DIR, entry) !== WEB_STAMP)
      fs.rmSync(path.join(root, OUT_DIR, entry), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) return false;
  fs.writeFileSync(path.join(root, STAMP), `${sources}\n`);
  return true;
}

/**
 * Builds the web console into dist/web with Vite and checks its size budget. An install without
 * the build tools (a production install of a shipped build) keeps the console it has.
 */
function buildWeb(root = ROOT) {
  let vite;
  try {
    // vite's exports map names no bin/: find the package, then its bin.
    vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  } catch {
    process.stderr.write('wa-ops: cannot build the web console: Vite is not installed (run npm install)\n');
    return fs.existsSync(path.join(root, WEB_DIR));
  }
  const sources = fingerprint(root, WEB_INPUTS);
  const steps = [
    [vite, 'build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'],
    [path.join(root, 'scripts', 'bundleBudget.mjs')],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) return false;
  }
  fs.writeFileSync(path.join(root, WEB_STAMP), `${sources}\n`);
  return true;
}

/**
 * Makes sure dist/ matches the sources. A production install without TypeScript runs the build it
 * was shipped with, saying so once when the sources look newer.
 */
function ensureBuilt(root = ROOT) {
  if (isCurrent(root)) return true;
  const hasBuild = fs.existsSync(path.join(root, OUT_DIR, 'server'));
  let canCompile = true;
  try {
    require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    canCompile = false;
  }
  if (!canCompile && hasBuild) {
    process.stderr.write(
      'wa-ops: the sources differ from dist/ and TypeScript is not installed: running dist/\n',
    );
    return true;
  }
  process.stderr.write(
    `wa-ops: compiling (${hasBuild ? 'the sources changed since the last build' : 'first build'})…\n`,
  );
  return build(root);
}

/** The console too, when its sources changed (npm start, npm install). */
function ensureWebBuilt(root = ROOT) {
  if (isWebCurrent(root)) return true;
  process.stderr.write('wa-ops: building the web console…\n');
  return buildWeb(root);
}

module.exports = { fingerprint, isCurrent, build, buildWeb, ensureBuilt, ensureWebBuilt, INPUTS, STAMP };

if (require.main === module) {
  const ok = process.argv.includes('--if-stale') ? ensureBuilt() && ensureWebBuilt() : build() && buildWeb();
  process.exit(ok ? 0 : 1);
}

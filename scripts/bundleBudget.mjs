// Prints the size of every chunk of the web console and fails when the JavaScript a first visit
// loads (the entry and what it imports statically) is over the budget: 200 KB gzipped (SPEC §20).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 200;
const dir = path.resolve(import.meta.dirname, '..', 'dist', 'web');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8'));
const gzipKb = (file) => zlib.gzipSync(fs.readFileSync(path.join(dir, file))).length / 1024;

const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const css of chunk.css ?? []) initial.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const files = [...new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]))];
const rows = files
  .map((file) => ({ file, kb: gzipKb(file), initial: initial.has(file) }))
  .sort((a, b) => b.kb - a.kb);
const initialJs = rows.filter((r) => r.initial && r.file.endsWith('.js')).reduce((sum, r) => sum + r.kb, 0);
for (const r of rows) console.log(`${r.initial ? '*' : ' '} ${r.kb.toFixed(1).padStart(7)} KB gz  ${r.file}`);
console.log(`initial JavaScript (*): ${initialJs.toFixed(1)} KB gzipped, budget ${BUDGET_KB} KB`);
if (initialJs > BUDGET_KB) {
  console.error(`over the budget by ${(initialJs - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}

#!/usr/bin/env node
/**
 * Registers a new workspace package in package-lock.json and node_modules exactly as `npm install`
 * would (a `packages` entry plus a link), without re-resolving anything else. For adding one
 * integration while other workspaces are still being written beside it.
 *   node scripts/link-workspace.js integrations/lunarsend
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dir = process.argv[2];
if (!dir) throw new Error('usage: link-workspace.js <workspace dir>');
const pkg = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
const lockPath = path.join(root, 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));

const entry = { name: pkg.name, version: pkg.version };
for (const field of ['dependencies', 'devDependencies', 'engines']) if (pkg[field]) entry[field] = pkg[field];
lock.packages[dir] = entry;
lock.packages[`node_modules/${pkg.name}`] = { resolved: dir, link: true };
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);

const link = path.join(root, 'node_modules', pkg.name);
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  fs.unlinkSync(link);
} catch {
  /* not there yet */
}
fs.symlinkSync(path.relative(path.dirname(link), path.join(root, dir)), link);
console.log(`linked ${pkg.name} -> ${dir}`);

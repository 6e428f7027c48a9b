#!/usr/bin/env node
/**
 * Bundles one integration for `zapier-platform build`. Its `_zapier-build` script runs this inside
 * `integrations/<crm>` after `tsc -b` has type-checked it: `index.ts`, the shared kit and zod
 * become one CommonJS file, `dist/index.js`; only the integration's `dependencies`
 * (zapier-platform-core) stay `require()`s, for the CLI to install from the registry.
 *
 * Why: `@crm-zapier/kit` is a workspace package on no registry, so its code must travel inside the
 * app's own files. zod is inlined too because the zip is smaller that way: the CLI zips each of
 * zod's ~100 CommonJS files on its own (about 260 KB compressed), the same code inside one file
 * compresses to about 125 KB (README, "Build and push one integration").
 *
 * `dist/index.js` is the file `index.js` loads, so the bundle replaces tsc's output of `index.ts`
 * (the rest of tsc's `dist/` stays, unused by the zip). tsc's build info is deleted with it: the
 * next `tsc -b` (`npm run build`, `npm test`, the integration's `npm test`) compiles the project
 * afresh and writes tsc's `dist/index.js` back, so jest and the sandbox never run a stale bundle.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const appDir = process.cwd();
const pkg = JSON.parse(fs.readFileSync(path.join(appDir, 'package.json'), 'utf8'));
const outfile = path.join(appDir, 'dist', 'index.js');
const external = Object.keys(pkg.dependencies ?? {});

const result = esbuild.buildSync({
  entryPoints: [path.join(appDir, 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  outfile,
  allowOverwrite: true,
  external,
  // The kit from its sources (tsc -b has just checked them), never from a dist that may be stale.
  alias: { '@crm-zapier/kit': path.join(ROOT, 'packages', 'kit', 'src', 'index.ts') },
  tsconfig: path.join(appDir, 'tsconfig.json'),
  banner: { js: `// ${pkg.name} ${pkg.version} for zapier-platform build: made by scripts/zapier-bundle.js, not tsc.` },
  metafile: true,
  logLevel: 'warning',
});

fs.rmSync(path.join(appDir, 'dist', 'tsconfig.tsbuildinfo'), { force: true });

// What went in, by package: the app and kit sources, then each node_modules package inlined.
const inputs = result.metafile.outputs[path.relative(process.cwd(), outfile)].inputs;
const byPackage = new Map();
for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  const name = match ? match[1] : file.startsWith('../../packages/kit/') ? '@crm-zapier/kit' : pkg.name;
  byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
}

// A package reached both by import (ESM build) and by require (CommonJS build) would be inlined twice.
const stems = new Map();
for (const file of Object.keys(inputs)) {
  if (!/\.(c|m)?js$/.test(file)) continue;
  const stem = file.replace(/\.(c|m)?js$/, '');
  if (stems.has(stem) && stems.get(stem) !== file) {
    throw new Error(`both ${stems.get(stem)} and ${file} are in the bundle: import and require() reach two builds`);
  }
  stems.set(stem, file);
}

console.log(
  `${path.relative(appDir, outfile)}: ${fs.statSync(outfile).size} bytes (${[...byPackage]
    .map(([name, bytes]) => `${name} ${bytes}`)
    .join(', ')}); left to the registry install: ${external.join(', ')}`,
);

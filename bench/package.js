/**
 * Package size: each integration's Zapier build zip (built with the CLI when missing or older than
 * its dist/), its dist/ size, and the number of files in the zip (read from its central directory).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { zipEntries } = require('./zip');

const ROOT = path.resolve(__dirname, '..');

/** Bytes, file count and newest mtime of a directory tree. */
const treeStats = (dir) => {
  let bytes = 0;
  let files = 0;
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        bytes += st.size;
        files++;
        if (!p.endsWith('.tsbuildinfo')) newest = Math.max(newest, st.mtimeMs);
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { bytes, files, newest };
};

const zipPath = (crm) => path.join(ROOT, 'integrations', crm, 'build', 'build.zip');

/** The zip is current when it is newer than every file in the integration's and the kit's dist/. */
const zipIsCurrent = (crm) => {
  const zip = zipPath(crm);
  if (!fs.existsSync(zip)) return false;
  const newest = Math.max(
    treeStats(path.join(ROOT, 'integrations', crm, 'dist')).newest,
    treeStats(path.join(ROOT, 'packages', 'kit', 'dist')).newest,
  );
  return fs.statSync(zip).mtimeMs >= newest;
};

/** `zapier-platform build --skip-dep-install --skip-validation` in one integration; resolves to {ok, ms, log}. */
const buildZip = (crm) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'zapier-platform'),
      ['build', '--skip-dep-install', '--skip-validation'],
      {
        cwd: path.join(ROOT, 'integrations', crm),
        // Nimble's definition reads its OAuth client from the environment at build time.
        // This Node (22) first on PATH: the CLI's `#!/usr/bin/env node` must not find an older one.
        env: {
          ...process.env,
          PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
          CLIENT_ID: process.env.CLIENT_ID || 'x',
          CLIENT_SECRET: process.env.CLIENT_SECRET || 'y',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => resolve({ crm, ok: code === 0, ms: Date.now() - started, log }));
  });

/** Builds every stale zip, two at a time (the machine has two cores). */
const ensureZips = async (crms, log) => {
  const todo = crms.filter((crm) => !zipIsCurrent(crm));
  const results = {};
  for (const crm of crms) if (!todo.includes(crm)) results[crm] = { crm, ok: true, reused: true };
  const queue = [...todo];
  const worker = async () => {
    while (queue.length) {
      const crm = queue.shift();
      log(`  building ${crm} zip…`);
      const r = await buildZip(crm);
      if (!r.ok) log(`  ${crm}: zapier-platform build failed:\n${r.log.trim().split('\n').slice(-8).join('\n')}`);
      else log(`  ${crm}: built in ${(r.ms / 1000).toFixed(1)} s`);
      results[crm] = r;
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
};

/** Size figures for one integration; zip figures are null when there is no zip. */
const packageSize = (crm) => {
  const dist = treeStats(path.join(ROOT, 'integrations', crm, 'dist'));
  const zip = zipPath(crm);
  if (!fs.existsSync(zip)) return { crm, distBytes: dist.bytes, distFiles: dist.files, zipBytes: null };
  const entries = zipEntries(fs.readFileSync(zip)).filter((e) => !e.name.endsWith('/'));
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  const byTop = {};
  for (const e of entries) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e.name);
    const key = m ? m[1] : '(app + kit)';
    byTop[key] = (byTop[key] || 0) + e.size;
  }
  const largest = Object.entries(byTop)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4);
  return {
    crm,
    distBytes: dist.bytes,
    distFiles: dist.files,
    zipBytes: fs.statSync(zip).size,
    zipFiles: entries.length,
    unpackedBytes: unpacked,
    largest,
  };
};

module.exports = { ensureZips, packageSize, zipPath, treeStats, ROOT };

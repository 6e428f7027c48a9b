/**
 * Zip size: each integration's build zip, and the bare core app's (bench/bare), made as a Zapier
 * developer makes them: `zapier-platform build --skip-validation` in the app's folder, which runs
 * the app's `_zapier-build`, copies the folder to a temp folder, installs its `dependencies` there
 * from the npm registry (`npm install --production`) and zips what the entry points require. No
 * `--skip-dep-install`: that mode zips the workspace's hoisted node_modules, with symbolic links,
 * which is not what `zapier-platform push` uploads.
 *
 * A zip is rebuilt only when a source it is made from is newer than it (the app's files outside
 * dist/, build/ and test/, the kit's sources, the bundler, the lock file). `_zapier-build` leaves
 * the bundle in the app's dist/index.js and deletes tsc's build info; the bench puts tsc's
 * dist/index.js and build info back afterwards, so the workspace app it measures is what
 * `npm run build` made.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { zipEntries } = require('./zip');

const ROOT = path.resolve(__dirname, '..');
const BARE = path.join(__dirname, 'bare');
/** The issue's figure for a bare core-19 app (shown beside the bare zip this run builds). */
const BARE_ZIP_ISSUE_BYTES = 802_719;

const appDir = (app) => (app === 'bare' ? BARE : path.join(ROOT, 'integrations', app));
const zipPath = (app) => path.join(appDir(app), 'build', 'build.zip');

/** Newest mtime of the files under `dir` (recursively), leaving out folders named in `skip`. */
const newestIn = (dir, skip = new Set()) => {
  let newest = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
};

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/**
 * The zip is current when no source it is made from is newer than it, and it holds no symbolic
 * link (a zip from `build --skip-dep-install` in the workspace does: it is built again).
 */
const zipIsCurrent = (app) => {
  const zip = zipPath(app);
  if (!fs.existsSync(zip)) return false;
  if (zipEntries(fs.readFileSync(zip)).some((e) => e.symlink)) return false;
  const sources =
    app === 'bare'
      ? [newestIn(BARE, new Set(['build', 'node_modules']))]
      : [
          newestIn(appDir(app), new Set(['dist', 'build', 'test', 'node_modules'])),
          newestIn(path.join(ROOT, 'packages', 'kit', 'src')),
          mtime(path.join(ROOT, 'packages', 'kit', 'package.json')),
          mtime(path.join(ROOT, 'scripts', 'zapier-bundle.js')),
          mtime(path.join(ROOT, 'package-lock.json')),
        ];
  return fs.statSync(zip).mtimeMs >= Math.max(...sources);
};

/** tsc's files that `_zapier-build` replaces or deletes, read before the build to be put back after it. */
const TSC_FILES = ['index.js', 'tsconfig.tsbuildinfo'];
const saveTscOutput = (app) =>
  TSC_FILES.map((name) => {
    const file = path.join(appDir(app), 'dist', name);
    return { file, data: fs.existsSync(file) ? fs.readFileSync(file) : null };
  });
const restoreTscOutput = (saved) => {
  for (const { file, data } of saved) if (data !== null) fs.writeFileSync(file, data);
};

/** `zapier-platform build --skip-validation` in one app's folder; resolves to { app, ok, ms, log }. */
const buildZip = (app) =>
  new Promise((resolve) => {
    const started = Date.now();
    const saved = app === 'bare' ? [] : saveTscOutput(app);
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'zapier-platform'), ['build', '--skip-validation'], {
      cwd: appDir(app),
      env: {
        ...process.env,
        // This Node (22) first on PATH: the CLI's `#!/usr/bin/env node` must not find an older one.
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
        // Nimble's definition reads its OAuth client from the environment when the CLI loads it.
        CLIENT_ID: process.env.CLIENT_ID || 'x',
        CLIENT_SECRET: process.env.CLIENT_SECRET || 'y',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => {
      restoreTscOutput(saved);
      resolve({ app, ok: code === 0 && fs.existsSync(zipPath(app)), ms: Date.now() - started, log });
    });
  });

/** Builds every stale zip, two at a time (the machine has two cores); reuses the current ones. */
const ensureZips = async (apps, log) => {
  const results = {};
  const queue = [];
  for (const app of apps) {
    if (zipIsCurrent(app)) results[app] = { app, ok: true, reused: true };
    else queue.push(app);
  }
  const worker = async () => {
    while (queue.length) {
      const app = queue.shift();
      log(`  building ${app} zip (registry install)…`);
      const r = await buildZip(app);
      if (r.ok) log(`  ${app}: built in ${(r.ms / 1000).toFixed(1)} s`);
      else log(`  ${app}: zapier-platform build failed:\n${r.log.trim().split('\n').slice(-8).join('\n')}`);
      results[app] = r;
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
};

/** Size figures of one app's zip (null when there is none): bytes, entries, links, unpacked size, largest parts. */
const packageSize = (app) => {
  const zip = zipPath(app);
  if (!fs.existsSync(zip)) return { app, zipBytes: null };
  const entries = zipEntries(fs.readFileSync(zip)).filter((e) => !e.name.endsWith('/'));
  const byPart = {};
  for (const e of entries) {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e.name);
    const key = m ? m[1] : '(app)';
    byPart[key] = (byPart[key] || 0) + e.compressedSize;
  }
  return {
    app,
    zipBytes: fs.statSync(zip).size,
    zipFiles: entries.length,
    symlinks: entries.filter((e) => e.symlink).length,
    unpackedBytes: entries.reduce((n, e) => n + e.size, 0),
    largest: Object.entries(byPart)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4),
  };
};

module.exports = { ensureZips, packageSize, zipPath, appDir, ROOT, BARE, BARE_ZIP_ISSUE_BYTES };

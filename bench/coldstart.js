/**
 * Cold start: each target is required in a fresh Node process (plain child processes, no library),
 * runs interleaved round by round so that machine noise hits every target alike; medians reported.
 */
const { spawnSync } = require('node:child_process');

/** Runs in the child: time the require, then report it and the RSS after it as one JSON line. */
const CHILD = `
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let mod;
for (const target of process.argv.slice(1)) mod = require(target);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const c = process.cpuUsage(c0);
const cpuMs = (c.user + c.system) / 1e3;
if (mod === undefined || mod === null) throw new Error('nothing exported by ' + process.argv.at(-1));
const m = process.memoryUsage();
process.stdout.write(JSON.stringify({ ms, cpuMs, rss: m.rss, heapUsed: m.heapUsed, modules: Object.keys(require.cache).length }));
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** One fresh process requiring `files` in turn; wall time is measured from the parent (spawn to exit). */
const once = (files, cwd) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', CHILD, ...files], {
    cwd,
    encoding: 'utf8',
    // A plain production-like environment: no NODE_ENV=test, no inspector, no source-map support.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CLIENT_ID: 'x', CLIENT_SECRET: 'y' },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0)
    throw new Error(`require(${files.join(', ')}) failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  return { ...JSON.parse(r.stdout), wallMs };
};

/**
 * targets: [{ name, files, cwd }] (files are required in turn; the last one is the target). Returns, per target, the medians of require time, wall time and
 * RSS, and the module count. A target whose first run fails is reported with its error, not timed.
 */
const measureColdStart = (targets, runs) => {
  const samples = new Map(targets.map((t) => [t.name, []]));
  const errors = new Map();
  for (const t of targets) {
    try {
      once(t.files, t.cwd); // warm the OS file cache; not counted
    } catch (err) {
      errors.set(t.name, err.message);
    }
  }
  const live = targets.filter((t) => !errors.has(t.name));
  for (let round = 0; round < runs; round++) {
    // Rotate the order each round so no target always runs first (or right after another).
    for (let i = 0; i < live.length; i++) {
      const t = live[(i + round) % live.length];
      samples.get(t.name).push(once(t.files, t.cwd));
    }
  }
  return targets.map((t) => {
    if (errors.has(t.name)) return { ...t, error: errors.get(t.name) };
    const s = samples.get(t.name);
    return {
      ...t,
      runs: s.length,
      requireMs: median(s.map((x) => x.ms)),
      cpuMs: median(s.map((x) => x.cpuMs)),
      wallMs: median(s.map((x) => x.wallMs)),
      rssMB: median(s.map((x) => x.rss)) / 1024 / 1024,
      modules: s[0].modules,
    };
  });
};

module.exports = { measureColdStart, median };

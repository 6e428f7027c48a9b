/**
 * Cold invocation: what the first run of a fresh Lambda container costs. For each target a fresh
 * `node` process loads core's Lambda handler — the zip's own `zapierwrapper.js`, or for the
 * workspace `createAppHandler(<app>/index.js)`, which is all `zapierwrapper.js` does — and calls it
 * once with an `execute` event, as Zapier does; the app is required inside that call
 * (`createAppHandler` requires it lazily), the operation then makes its requests to a loopback
 * simulator served by the parent, and the child reports when the handler has answered.
 *
 * Figures per run: CPU time of the whole process (user + system, Node's own boot included), wall
 * time from spawn to exit seen from the parent, the handler's own time (require of core to
 * answer), and the peak RSS (`resourceUsage().maxRSS`). Runs are interleaved: every round runs
 * every target once, in an order rotated each round, so machine noise falls on all of them alike.
 */
const { spawn } = require('node:child_process');

/** Core prints its own lines (e.g. the per-run memory log) to stdout: the figures follow this mark. */
const MARK = '@@bench@@';

/** Runs in the child. argv: mode (wrapper | app | node), entry, event JSON, "verify" to print the results. */
const CHILD = `
const path = require('node:path');
const [mode, entry, eventText, verify] = process.argv.slice(1);
const MARK = ${JSON.stringify(MARK)};
/** CPU time (user + system) of this process so far, in ms. */
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e3; };
const report = (extra) => {
  process.stdout.write('\\n' + MARK + JSON.stringify({
    cpuMs: cpu(),
    maxRssKB: process.resourceUsage().maxRSS,
    modules: Object.keys(require.cache).length,
    ...extra,
  }));
  process.exit(0);
};
if (mode === 'node') report({ handlerMs: 0 });
const event = JSON.parse(eventText);
const boot = cpu();
const t0 = process.hrtime.bigint();
// Core and its handler: the zip's zapierwrapper.js, or what it does, for the workspace app.
const handler =
  mode === 'wrapper'
    ? require(entry).handler
    : require(require.resolve('zapier-platform-core', { paths: [path.dirname(entry)] })).createAppHandler(entry);
const coreLoaded = cpu();
// The app, required here only to time its loading apart from the operation: the handler requires
// this same file (from the module cache then) after copying the event's environment into
// process.env, as done here first.
Object.assign(process.env, event.environment || {});
require(mode === 'wrapper' ? path.join(path.dirname(entry), 'index.js') : entry);
const appLoaded = cpu();
handler(event, {}).then(
  (result) => {
    const handlerMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const results = result && result.results;
    report({
      handlerMs,
      phases: { boot, core: coreLoaded - boot, app: appLoaded - coreLoaded, operation: cpu() - appLoaded },
      count: Array.isArray(results) ? results.length : undefined,
      results: verify ? results : undefined,
    });
  },
  (err) => {
    process.stderr.write(String((err && err.message) || err).split('\\n')[0]);
    process.exit(1);
  },
);
`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** A plain production-like environment: no NODE_ENV=test (core's test mode), no inspector, nothing from npm. */
const childEnv = () =>
  Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]));

/**
 * One fresh process for `target` ({ mode, entry, cwd, event }); async, because the simulator that
 * answers the child's requests runs in this process. Resolves to the child's figures plus wallMs.
 */
const once = (target, verify = false) =>
  new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const args = ['-e', CHILD, target.mode, target.entry ?? '', JSON.stringify(target.event ?? {})];
    if (verify) args.push('verify');
    const child = spawn(process.execPath, args, {
      cwd: target.cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      const at = stdout.lastIndexOf(MARK);
      if (status !== 0 || at < 0) reject(new Error(`${target.name}: exit ${status}: ${stderr.trim().slice(0, 300)}`));
      else resolve({ ...JSON.parse(stdout.slice(at + MARK.length)), wallMs });
    });
  });

/**
 * targets: [{ name, mode, entry, cwd, event, before?, check?, after? }]. One uncounted run per
 * target first (warms the OS file cache; `before` and `after` hooks around it, its results go to
 * `check`, which throws when the operation did not do its job); then interleaved rounds: at least
 * `minRounds`, more while the next round still fits in `budgetMs`, at most `maxRounds`. Returns
 * per target the medians (and the number of runs), or the error that stopped it.
 */
const measureColdInvocation = async (targets, { maxRounds, minRounds, budgetMs }, log = () => {}) => {
  const samples = new Map(targets.map((t) => [t.name, []]));
  const errors = new Map();
  for (const t of targets) {
    t.before?.();
    try {
      const first = await once(t, true);
      t.check?.(first.results);
    } catch (err) {
      errors.set(t.name, err.message);
      log(`  ${t.name}: ${err.message}`);
    } finally {
      t.after?.();
    }
  }
  const live = targets.filter((t) => !errors.has(t.name));
  const started = Date.now();
  let round = 0;
  // At least minRounds; then more while the time budget lasts (a busy machine gets fewer rounds).
  for (; round < maxRounds; round++) {
    const elapsed = Date.now() - started;
    if (round >= minRounds && elapsed + elapsed / round > budgetMs) break;
    for (let i = 0; i < live.length; i++) {
      const t = live[(i + round) % live.length];
      if (errors.has(t.name)) continue;
      try {
        samples.get(t.name).push(await once(t));
      } catch (err) {
        errors.set(t.name, err.message);
      }
    }
    log(`  round ${round + 1} done at ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return targets.map((t) => {
    const s = samples.get(t.name);
    if (errors.has(t.name) || !s.length) return { ...t, error: errors.get(t.name) ?? 'no run' };
    return {
      ...t,
      runs: s.length,
      cpuMs: median(s.map((x) => x.cpuMs)),
      wallMs: median(s.map((x) => x.wallMs)),
      handlerMs: median(s.map((x) => x.handlerMs)),
      rssMB: median(s.map((x) => x.maxRssKB)) / 1024,
      modules: s[0].modules,
      phases: s[0].phases
        ? Object.fromEntries(Object.keys(s[0].phases).map((k) => [k, median(s.map((x) => x.phases[k]))]))
        : undefined,
      count: s[0].count,
    };
  });
};

module.exports = { measureColdInvocation, median };

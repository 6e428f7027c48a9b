/**
 * `npm run bench` (after `npm run build`): the cold invocation of every integration against a bare
 * zapier-platform-core app, the size of each build zip against the bare app's, and the requests
 * each operation of the `npm start` tour makes; written to bench/RESULTS.md. A script, not a
 * test: it reports each figure against its target and exits 0 whatever the numbers are (non-zero
 * only when the benchmark itself cannot run).
 *
 * Environment: the cold invocation runs BENCH_MIN_RUNS interleaved rounds (default 5), then more
 * while BENCH_SECONDS last (default 120), up to BENCH_RUNS (default 15), one process at a time
 * (two at a time on a busy two-core machine only inflated each one's CPU time); BENCH_NO_ZIP=1
 * builds no zips (no registry needed; workspace targets only).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { measureColdInvocation } = require('./coldstart');
const { ensureZips, packageSize, zipPath, BARE_ZIP_ISSUE_BYTES } = require('./package');
const { extractZip } = require('./zip');

const CRMS = ['nethunt', 'lunarsend', 'nimble', 'apideck'];
const ROUNDS = {
  maxRounds: Number(process.env.BENCH_RUNS) || 15,
  minRounds: Math.max(1, Number(process.env.BENCH_MIN_RUNS) || 5),
  budgetMs: (Number(process.env.BENCH_SECONDS) || 120) * 1000,
};
const WITH_ZIP = process.env.BENCH_NO_ZIP !== '1';
const TARGET = { cold: 1.15, zip: 1.2 };

const log = (...args) => console.log(...args);
const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const mark = (ok) => (ok ? '✅' : '❌');
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

// eslint-disable-next-line no-control-regex
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

/** What a failed build's log says failed (the CLI wraps its lines and prefixes them with ›). */
const buildError = (text) => {
  const flat = text
    .split('\n')
    .map((l) =>
      l
        .replace(ANSI_COLOUR, '')
        .replace(/^\s*›\s*/, '')
        .trim(),
    )
    .filter(Boolean)
    .join(' ');
  return (/Error: (?!\/)(.{1,240}?)(?= at |$)/.exec(flat)?.[0] ?? flat.slice(-240)).trim();
};

const machine = () => {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    model: model.trim(),
    memGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    load: os.loadavg()[0],
  };
};

// ---------------------------------------------------------------------------------------------
// 1. Cold invocation
// ---------------------------------------------------------------------------------------------

/** Per integration and place (workspace, zip): the app's medians over the bare app's, or an error. */
const coldComparisons = (rows, withZip) => {
  const find = (app, crm, where) => rows.find((r) => r.app === app && r.crm === crm && r.where === where);
  const boot = rows.find((r) => r.mode === 'node' && !r.error);
  const out = [];
  for (const crm of CRMS) {
    for (const where of ['workspace', 'zip']) {
      const app = find(crm, crm, where);
      const bare = find('bare', crm, where);
      if (!app && !bare && where === 'zip' && !withZip) continue;
      const error =
        app?.error ??
        bare?.error ??
        (!app || !bare
          ? where === 'zip'
            ? 'no zip to run (see the zip builds above)'
            : 'not run (see the operations table)'
          : null);
      if (error) {
        out.push({ crm, where, error });
        continue;
      }
      const cpu = app.cpuMs / bare.cpuMs;
      const wall = app.wallMs / bare.wallMs;
      const rss = app.rssMB / bare.rssMB;
      out.push({
        crm,
        where,
        app,
        bare,
        cpu,
        wall,
        rss,
        handler: app.handlerMs / bare.handlerMs,
        cpuAboveBoot: boot ? (app.cpuMs - boot.cpuMs) / (bare.cpuMs - boot.cpuMs) : NaN,
        ok: cpu <= TARGET.cold && rss <= TARGET.cold,
      });
    }
  }
  return out;
};

const coldSection = (rows, comparisons, operations) => {
  const boot = rows.find((r) => r.mode === 'node');
  const table = [
    '| integration | where | CPU ms (app / bare) | × bare | peak RSS MB (app / bare) | × bare | ≤ 1.15× (CPU, RSS) | wall ms (app / bare) | × bare | handler ms (app / bare) | × bare | CPU above Node boot × bare | modules (app / bare) | runs |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...comparisons.map((c) =>
      c.error
        ? `| ${c.crm} | ${c.where} | failed: ${cell(c.error).slice(0, 160)} | | | | ❌ | | | | | | | |`
        : `| ${c.crm} | ${c.where} | ${fmt(c.app.cpuMs)} / ${fmt(c.bare.cpuMs)} | ${ratio(c.cpu)} | ${fmt(c.app.rssMB, 1)} / ${fmt(
            c.bare.rssMB,
            1,
          )} | ${ratio(c.rss)} | ${mark(c.cpu <= TARGET.cold)} ${mark(c.rss <= TARGET.cold)} | ${fmt(c.app.wallMs)} / ${fmt(
            c.bare.wallMs,
          )} | ${ratio(c.wall)} | ${fmt(c.app.handlerMs)} / ${fmt(c.bare.handlerMs)} | ${ratio(c.handler)} | ${ratio(
            c.cpuAboveBoot,
          )} | ${c.app.modules} / ${c.bare.modules} | ${Math.min(c.app.runs, c.bare.runs)} |`,
    ),
  ];
  const phaseCell = (r) =>
    r.phases ? ['boot', 'core', 'app', 'operation'].map((k) => fmt(r.phases[k])).join(' · ') : '–';
  const phases = [
    '| integration | where | app: boot · core · app load · operation (CPU ms) | bare: boot · core · app load · operation (CPU ms) | app load + operation, app − bare (CPU ms) |',
    '| --- | --- | ---: | ---: | ---: |',
    ...comparisons
      .filter((c) => !c.error && c.app.phases && c.bare.phases)
      .map(
        (c) =>
          `| ${c.crm} | ${c.where} | ${phaseCell(c.app)} | ${phaseCell(c.bare)} | ${fmt(
            c.app.phases.app - c.bare.phases.app,
          )} + ${fmt(c.app.phases.operation - c.bare.phases.operation)} |`,
      ),
  ];
  const bootLine =
    boot && !boot.error
      ? `A \`node\` process that only boots and exits, measured in the same rounds: CPU ${fmt(boot.cpuMs)} ms, wall ${fmt(
          boot.wallMs,
        )} ms, peak RSS ${fmt(boot.rssMB, 1)} MB.`
      : '';
  const ops = [
    '| integration | first operation | method | requests it made (recorded; the bare app makes the same) | items returned (app / bare) |',
    '| --- | --- | --- | --- | ---: |',
    ...operations.map((o) => {
      if (o.error) return `| ${o.crm} | ${o.step} (${o.kind}) | – | failed: ${cell(o.error).slice(0, 160)} | – |`;
      const app = rows.find((r) => r.app === o.crm && r.where === 'workspace');
      const bare = rows.find((r) => r.app === 'bare' && r.crm === o.crm && r.where === 'workspace');
      return `| ${o.crm} | ${o.step} (${o.kind}) | \`${o.method}\` | ${
        o.recorded.map((r) => `\`${r.method} ${r.path}${r.query ? `?${cell(r.query)}` : ''}\``).join(', ') || '–'
      } | ${app?.count ?? '–'} / ${bare?.count ?? '–'} |`;
    }),
  ];
  return { table: table.join('\n'), ops: ops.join('\n'), phases: phases.join('\n'), bootLine };
};

// ---------------------------------------------------------------------------------------------
// 2. Zip size
// ---------------------------------------------------------------------------------------------

const zipSection = (sizes) => {
  const bare = sizes.find((s) => s.app === 'bare');
  const bareBytes = bare?.zipBytes ?? null;
  const rows = sizes
    .filter((s) => s.app !== 'bare')
    .map((s) => ({
      ...s,
      vsBare: s.zipBytes && bareBytes ? s.zipBytes / bareBytes : NaN,
      vsIssue: s.zipBytes ? s.zipBytes / BARE_ZIP_ISSUE_BYTES : NaN,
    }));
  const line = (s, r) =>
    `| ${s.app === 'bare' ? 'bare core app (bench/bare)' : s.app} | ${s.zipBytes ? `${fmt(s.zipBytes)} B` : 'build failed'} | ${
      r ? `${ratio(r.vsBare)} ${Number.isFinite(r.vsBare) ? mark(r.vsBare <= TARGET.zip) : ''}` : '1.00×'
    } | ${r ? `${ratio(r.vsIssue)} ${Number.isFinite(r.vsIssue) ? mark(r.vsIssue <= TARGET.zip) : ''}` : ratio(s.zipBytes / BARE_ZIP_ISSUE_BYTES)} | ${
      s.zipFiles ?? '–'
    } | ${s.symlinks ?? '–'} | ${s.unpackedBytes ? `${fmt(s.unpackedBytes)} B` : '–'} | ${
      s.largest ? s.largest.map(([k, b]) => `${k} ${fmt(b)}`).join(', ') : '–'
    } |`;
  const table = [
    `| app | build.zip | × bare zip (this run) ≤ ${TARGET.zip}× | × ${fmt(BARE_ZIP_ISSUE_BYTES)} B (the issue's bare core-19 figure) ≤ ${TARGET.zip}× | files | symbolic links | unpacked | largest parts (compressed bytes) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...(bare ? [line(bare, null)] : []),
    ...rows.map((r) => line(r, r)),
  ];
  return { table: table.join('\n'), rows, bareBytes };
};

// ---------------------------------------------------------------------------------------------
// 3. Requests per operation
// ---------------------------------------------------------------------------------------------

const requestsSection = (rows) => {
  const judged = (r) => r.min !== null;
  const above = rows.filter((r) => r.ok && judged(r) && r.requests > r.min);
  const failed = rows.filter((r) => !r.ok);
  const plans = [...new Set(rows.map((r) => r.crm))];
  const perCrm = plans.map((crm) => {
    const mine = rows.filter((r) => r.crm === crm && judged(r));
    const at = mine.filter((r) => r.ok && r.requests <= r.min).length;
    return `| ${crm} | ${mine.length} | ${at} | ${mine.filter((r) => r.ok && r.requests > r.min).length} | ${
      mine.filter((r) => !r.ok).length
    } | ${mine.reduce((n, r) => n + r.requests, 0)} | ${mine.reduce((n, r) => n + r.min, 0)} |`;
  });
  const all = [
    '| integration | operation (tour step) | kind | requests | minimum | |',
    '| --- | --- | --- | ---: | ---: | :---: |',
    ...rows.map(
      (r) =>
        `| ${r.crm} | ${r.step} | ${r.kind} | ${r.requests} | ${judged(r) ? r.min : '–'} | ${
          !r.ok ? '❌ failed' : !judged(r) ? 'not an operation' : r.requests > r.min ? '⚠️ above' : '✅'
        } |`,
    ),
  ];
  const summary = [
    '| tour plan | operations | at minimum | above minimum | failed | requests (total) | minimum (total) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...perCrm,
  ];
  const aboveTable = above.length
    ? [
        '| operation | requests | minimum | why |',
        '| --- | ---: | ---: | --- |',
        ...above.map((r) => `| ${r.crm} ${r.step} | ${r.requests} | ${r.min} | ${r.reason} |`),
      ].join('\n')
    : 'None: every operation makes the fewest requests its kind allows.';
  const failedText = failed.length
    ? `\n\nFailed steps (their counts are not meaningful):\n\n${failed.map((r) => `- ${r.crm} ${r.step}: ${cell(r.error)}`).join('\n')}`
    : '';
  const pages = rows.filter((r) => /page \d/.test(r.kind));
  return {
    summary: summary.join('\n'),
    all: all.join('\n'),
    above: aboveTable + failedText,
    aboveRows: above,
    failed,
    pages,
  };
};

// ---------------------------------------------------------------------------------------------

const main = async () => {
  const started = Date.now();
  const m = machine();
  log(`bench: ${m.model}, ${m.cpus} CPUs, Node ${m.node}`);

  // Zips first, in child processes (the CLI installs core from the registry for each).
  let zipBuilds = {};
  const zipDirs = {};
  const apps = [...CRMS, 'bare'];
  if (WITH_ZIP) {
    log('zips: zapier-platform build --skip-validation (dependencies from the registry)');
    zipBuilds = await ensureZips(apps, log);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-'));
    process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
    for (const app of apps) {
      if (!zipBuilds[app]?.ok || !fs.existsSync(zipPath(app))) continue;
      zipDirs[app] = path.join(tmp, app);
      extractZip(zipPath(app), zipDirs[app]);
    }
  }
  // Only zips built or found current in this run: a failed build leaves an older zip behind.
  const zips = zipSection(
    WITH_ZIP ? apps.map((app) => (zipBuilds[app]?.ok ? packageSize(app) : { app, zipBytes: null })) : [],
  );

  // From here on this process runs the sandbox and the apps in core's test mode, as `npm start` does.
  process.env.NODE_ENV ??= 'test';

  log('requests per operation: the sandbox tour');
  const { measureRequests } = require('./requests');
  const req = requestsSection(await measureRequests());
  log(req.summary);

  const { coldTargets } = require('./targets');
  const { targets, operations, stop } = await coldTargets(CRMS, zipDirs);
  log(
    `cold invocation: ${targets.length} targets, 1 warm-up each, then ${ROUNDS.minRounds}–${ROUNDS.maxRounds} interleaved rounds within ${ROUNDS.budgetMs / 1000} s`,
  );
  let cold;
  try {
    cold = await measureColdInvocation(targets, ROUNDS, log);
  } finally {
    await stop();
  }
  const comparisons = coldComparisons(cold, WITH_ZIP);
  const coldOut = coldSection(cold, comparisons, operations);
  log(coldOut.table);
  log(zips.table);

  const coldAbove = comparisons.filter((c) => !c.ok);
  const zipAbove = zips.rows.filter((r) => !(r.vsBare <= TARGET.zip));
  const zipAboveIssue = zips.rows.filter((r) => !(r.vsIssue <= TARGET.zip));
  const notes = require('./notes').analysis({ comparisons, cold, zips, requests: req }).trim();
  const buildNotes = Object.values(zipBuilds)
    .map(
      (b) =>
        `${b.app}: ${b.reused ? 'zip reused (newer than its sources)' : b.ok ? `built in ${fmt(b.ms / 1000, 1)} s` : `build failed (${cell(buildError(b.log))})`}`,
    )
    .join('; ');

  const md = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.js\`); do not edit by hand — the notes at the end come
from \`bench/notes.js\`, computed from this run's numbers. The benchmark is not part of
\`npm test\` and never fails on a number.

| machine | |
| --- | --- |
| CPU | ${m.model} |
| cores (nproc) | ${m.cpus} |
| memory | ${fmt(m.memGB, 1)} GB |
| OS | ${m.platform} |
| Node | ${m.node} |
| date | ${m.date} |
| load average (1 min) at start / end | ${fmt(m.load, 2)} / ${fmt(os.loadavg()[0], 2)} |
| run time | ${fmt((Date.now() - started) / 1000, 0)} s |

## Summary against targets

| section | target | result |
| --- | --- | --- |
| 1. cold invocation | every integration ≤ ${TARGET.cold}× the bare core app making the same requests (CPU time and peak RSS, workspace and zip; wall time reported) | ${
    coldAbove.length
      ? `❌ above or not run: ${coldAbove.map((c) => `${c.crm} (${c.where})`).join(', ')}`
      : comparisons.length
        ? '✅ all within'
        : '– not measured'
  } |
| 2. zip size | every integration ≤ ${TARGET.zip}× a bare core-19 app's zip | ${
    !WITH_ZIP
      ? '– skipped (BENCH_NO_ZIP=1)'
      : `against the bare zip built in this run (${zips.bareBytes ? `${fmt(zips.bareBytes)} B` : 'not built'}): ${
          zipAbove.length ? `❌ above or not built: ${zipAbove.map((r) => r.app).join(', ')}` : '✅ all within'
        }; against the issue's ${fmt(BARE_ZIP_ISSUE_BYTES)} B: ${
          zipAboveIssue.length
            ? `❌ above or not built: ${zipAboveIssue.map((r) => r.app).join(', ')}`
            : '✅ all within'
        }`
  } |
| 3. requests per operation | the minimum per kind (1 per poll/search/create, 1 per dropdown page, 2 per find-or-create) | ${
    req.aboveRows.length || req.failed.length
      ? `⚠️ ${req.aboveRows.length} above minimum (explained below)${req.failed.length ? `, ${req.failed.length} failed` : ''}`
      : '✅ all at minimum'
  } |

## 1. Cold invocation

What a Zap's step costs when it lands on a fresh Lambda container. Each run is a fresh \`node\`
process (production-like environment: no \`NODE_ENV=test\`, nothing from npm) that loads core's
Lambda handler and calls it once with an \`execute\` event, as Zapier does: "zip" runs the
unzipped \`build/build.zip\`'s own \`zapierwrapper.js\` (its copy of core, its \`index.js\`);
"workspace" runs \`createAppHandler('integrations/<crm>/index.js')\` (what \`zapierwrapper.js\`
does) on tsc's \`dist/\` with the workspace's core, kit and zod. The handler requires the app,
runs the operation through core (middleware, request, response checks, output cleaning) against
that CRM's simulator (\`packages/sandbox\`), served on loopback by the benchmark process, and
answers; the process then exits.

The reference is a bare core app (\`bench/bare\`: \`defineApp\` with one trigger, no schema, no
mapping) given the requests the integration's operation made — same method, URL, query and
headers, recorded by the simulator on the integration's first run — against the same simulator,
so it gets the same answers; it returns the answer's list as it came. The tour steps before the
operation run first in the benchmark process (Nimble gets its OAuth tokens there).

Figures: CPU = user + system time of the whole process (Node's own boot included); wall = spawn
to exit, seen from the parent; handler = from requiring core to the handler's answer, inside the
process; peak RSS = \`process.resourceUsage().maxRSS\`. One uncounted warm-up run per target
(its results are checked: the tour step's own check for the app, a non-empty list for the bare
app), then rounds, each running every target once, one process at a time, in an order rotated
round by round: at least
${ROUNDS.minRounds}, more while ${ROUNDS.budgetMs / 1000} s last, at most ${ROUNDS.maxRounds} (this run: ${
    cold.find((r) => r.runs)?.runs ?? 0
  }); medians. "CPU above Node boot" divides what each process spends beyond a bare \`node\`
boot. The target is judged on CPU time and peak RSS: CPU time is the work itself, which on an
idle machine is also the wall time (the operation waits only on a loopback answer), while the
wall time here includes waiting for a core when other work shares the machine (load average
above); it is reported, not judged. Zips: ${WITH_ZIP ? buildNotes : 'skipped (BENCH_NO_ZIP=1)'}.

${coldOut.ops}

${coldOut.table}

${coldOut.bootLine}

Where the CPU time goes (medians of each phase, so they need not add up to the total above):
boot = Node's start until the benchmark's first line runs; core = requiring core and making the
handler (\`zapierwrapper.js\`); app load = requiring the app's \`index.js\` (timed apart by
requiring it just before the handler does, after the event's environment is in
\`process.env\`, as the handler does it); operation = the handler's call, request included.

${coldOut.phases}

## 2. Zip size

\`build/build.zip\` as a Zapier developer makes it: \`zapier-platform build --skip-validation\` in
the app's folder — its \`_zapier-build\` (tsc, then \`scripts/zapier-bundle.js\` bundles the app,
the kit and zod into \`dist/index.js\`), then the CLI copies the folder to a temp folder, installs
its \`dependencies\` (\`zapier-platform-core\`) from the npm registry and zips what the entry points
require. The bare core app (\`bench/bare\`) is built the same way in the same run, so both get the
same core and dependency versions. Files, links and unpacked size from the zip's central
directory.

${zips.table}

## 3. Requests per operation

The \`npm start\` tour (\`allPlans()\` + \`runPlan\` from \`packages/sandbox\`): every trigger,
search, create, dropdown, dynamic-field and auth method, run through core's runtime against the
simulators; the simulator counts the HTTP requests each step makes. A dropdown's page n (n > 1)
is judged at 1 request like its first page.

${req.summary}

### Above the minimum

${req.above}

<details><summary>Every operation</summary>

${req.all}

</details>
${notes ? `\n${notes}\n` : ''}`;
  fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), md);
  log(`\nwrote bench/RESULTS.md in ${fmt((Date.now() - started) / 1000, 0)} s`);
};

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

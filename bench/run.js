/**
 * `npm run bench` (after `npm run build`): cold start, requests per operation, mapping throughput
 * and package size of every integration, written to bench/RESULTS.md. A script, not a test: it
 * reports each figure against its target and exits 0 whatever the numbers are (non-zero only when
 * the benchmark itself cannot run).
 *
 * Environment: BENCH_RUNS (cold-start runs per target, default 15), BENCH_TIME (ms per mapping
 * task, default 1000), BENCH_RECORDS (default 100000), BENCH_NO_ZIP=1 (skip building and loading
 * the Zapier build zips).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { measureColdStart } = require('./coldstart');
const { ensureZips, packageSize, zipPath, ROOT } = require('./package');
const { extractZip } = require('./zip');

const CRMS = ['nethunt', 'lunarsend', 'nimble', 'apideck'];
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const MAP_TIME = Number(process.env.BENCH_TIME) || 1000;
const RECORDS = Number(process.env.BENCH_RECORDS) || 100_000;
const WITH_ZIP = process.env.BENCH_NO_ZIP !== '1';

const TARGET = { coldStart: 1.15, recordsPerSec: 1_000_000, parseRatio: 2 };

const log = (...args) => console.log(...args);
const fmt = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kB = (bytes) => (bytes === null || bytes === undefined ? '–' : `${fmt(bytes / 1024, 0)} kB`);
const mark = (ok) => (ok ? '✅' : '❌');

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
// 1. Cold start
// ---------------------------------------------------------------------------------------------

const coldStartTargets = (zipDirs) => {
  const core = require.resolve('zapier-platform-core', { paths: [ROOT] });
  const zod = require.resolve('zod', { paths: [ROOT] });
  const kit = path.join(ROOT, 'packages', 'kit', 'dist', 'index.js');
  const targets = [
    { name: 'core', where: 'workspace', files: [core], cwd: ROOT },
    // Diagnostics: what the shared layers add on top of core.
    { name: 'core + zod', where: 'workspace', files: [core, zod], cwd: ROOT, diagnostic: true },
    { name: 'core + kit', where: 'workspace', files: [core, kit], cwd: ROOT, diagnostic: true },
    ...CRMS.map((crm) => ({
      name: crm,
      where: 'workspace',
      files: [path.join(ROOT, 'integrations', crm, 'index.js')],
      cwd: ROOT,
    })),
  ];
  const unzipped = Object.entries(zipDirs);
  if (unzipped.length) {
    const [, firstDir] = unzipped[0];
    targets.push({
      name: 'core (zip)',
      where: 'zip',
      files: [path.join(firstDir, 'node_modules', 'zapier-platform-core')],
      cwd: firstDir,
    });
    for (const [crm, dir] of unzipped)
      targets.push({ name: `${crm} (zip)`, where: 'zip', files: [path.join(dir, 'index.js')], cwd: dir });
  }
  return targets;
};

const coldStartSection = (rows) => {
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  const lines = [
    '| process requires | where | require ms (median) | × core | require CPU ms (median) | × core | wall ms (median) | × core | RSS MB (median) | × core | modules | target ≤ 1.15× |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
  ];
  const verdicts = [];
  for (const r of rows) {
    const base = byName[r.where === 'zip' ? 'core (zip)' : 'core'];
    if (r.error) {
      lines.push(
        `| ${r.name} | ${r.where} | failed: ${r.error.replace(/\|/g, '\\|').slice(0, 120)} | | | | | | | | | ❌ |`,
      );
      verdicts.push({ name: r.name, ok: false, error: r.error });
      continue;
    }
    const isBase = r === base;
    const t = base && !base.error ? r.requireMs / base.requireMs : NaN;
    const w = base && !base.error ? r.wallMs / base.wallMs : NaN;
    const c = base && !base.error ? r.cpuMs / base.cpuMs : NaN;
    const m = base && !base.error ? r.rssMB / base.rssMB : NaN;
    const ok = c <= TARGET.coldStart && m <= TARGET.coldStart;
    const verdict = isBase ? 'reference' : r.diagnostic ? '(diagnostic)' : `${mark(ok)}`;
    if (!isBase && !r.diagnostic) verdicts.push({ name: r.name, ok, t, c, m, w });
    lines.push(
      `| ${r.name} | ${r.where} | ${fmt(r.requireMs, 0)} | ${isBase ? '1.00' : fmt(t, 2)} | ${fmt(r.cpuMs, 0)} | ${
        isBase ? '1.00' : fmt(c, 2)
      } | ${fmt(r.wallMs, 0)} | ${
        isBase ? '1.00' : fmt(w, 2)
      } | ${fmt(r.rssMB, 1)} | ${isBase ? '1.00' : fmt(m, 2)} | ${r.modules} | ${verdict} |`,
    );
  }
  return { table: lines.join('\n'), verdicts };
};

// ---------------------------------------------------------------------------------------------
// 2. Requests per operation
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
    ? `\n\nFailed steps (their counts are not meaningful):\n\n${failed.map((r) => `- ${r.crm} ${r.step}: ${r.error}`).join('\n')}`
    : '';
  return { summary: summary.join('\n'), all: all.join('\n'), above: aboveTable + failedText, aboveRows: above, failed };
};

// ---------------------------------------------------------------------------------------------
// 3. Mapping throughput
// ---------------------------------------------------------------------------------------------

const mappingSection = (rows) => {
  const lines = [
    '| flattener | bytes/record | output keys | flatten ms / 100k (median) | records/s | target ≥ 1,000,000 | JSON.parse ms (median) | flatten ÷ JSON.parse | target ≤ 2× |',
    '| --- | ---: | ---: | ---: | ---: | :---: | ---: | ---: | :---: |',
  ];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${r.crm} | failed: ${r.error} | | | | ❌ | | | ❌ |`);
      continue;
    }
    lines.push(
      `| ${r.label} | ${fmt(r.bytesPerRecord)} | ${r.keys} | ${fmt(r.flattenMs, 1)} | ${fmt(r.recordsPerSec)} | ${mark(
        r.recordsPerSec >= TARGET.recordsPerSec,
      )} | ${fmt(r.parseMs, 1)} | ${fmt(r.ratio, 2)}× | ${mark(r.ratio <= TARGET.parseRatio)} |`,
    );
  }
  return lines.join('\n');
};

// ---------------------------------------------------------------------------------------------
// 4. Package size
// ---------------------------------------------------------------------------------------------

const sizeSection = (rows) =>
  [
    '| integration | build.zip | files in zip | unpacked | largest parts of the zip (unpacked) | dist/ | files in dist/ |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.crm} | ${kB(r.zipBytes)} | ${r.zipFiles ?? '–'} | ${kB(r.unpackedBytes)} | ${
          r.largest ? r.largest.map(([k, b]) => `${k} ${kB(b)}`).join(', ') : 'no zip'
        } | ${kB(r.distBytes)} | ${r.distFiles} |`,
    ),
  ].join('\n');

// ---------------------------------------------------------------------------------------------

const main = async () => {
  const started = Date.now();
  const m = machine();
  log(`bench: ${m.model}, ${m.cpus} CPUs, Node ${m.node}`);

  // Zips first: the build runs in child processes, before this process loads core (section 2).
  let zipBuilds = {};
  const zipDirs = {};
  if (WITH_ZIP) {
    log('package: Zapier build zips');
    zipBuilds = await ensureZips(CRMS, log);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-'));
    for (const crm of CRMS) {
      if (!zipBuilds[crm]?.ok || !fs.existsSync(zipPath(crm))) continue;
      const dir = path.join(tmp, crm);
      extractZip(zipPath(crm), dir);
      zipDirs[crm] = dir;
    }
    process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  }
  const sizes = CRMS.map(packageSize);

  log(`cold start: ${RUNS} interleaved runs per target`);
  const cold = measureColdStart(coldStartTargets(zipDirs), RUNS);
  const coldOut = coldStartSection(cold);
  log(coldOut.table);

  log('requests per operation: the sandbox tour');
  const { measureRequests } = require('./requests');
  const req = requestsSection(await measureRequests());
  log(req.summary);

  log(`mapping: ${fmt(RECORDS)} records per flattener, tinybench ${MAP_TIME} ms per task`);
  const { measureMapping } = require('./mapping');
  const mapping = await measureMapping({ count: RECORDS, time: MAP_TIME });
  const mapTable = mappingSection(mapping);
  log(mapTable);

  const sizeTable = sizeSection(sizes);
  log(sizeTable);

  const coldBelow = coldOut.verdicts.filter((v) => !v.ok);
  const mapBelow = mapping.filter(
    (r) => r.error || r.recordsPerSec < TARGET.recordsPerSec || r.ratio > TARGET.parseRatio,
  );
  const notes = require('./notes').analysis({ cold, coldBelow, mapping, mapBelow, requests: req }).trim();
  const buildNotes = Object.values(zipBuilds)
    .map(
      (b) =>
        `${b.crm}: ${b.reused ? 'zip reused (newer than dist/)' : b.ok ? `zip built in ${fmt(b.ms / 1000, 1)} s` : 'zip build failed'}`,
    )
    .join('; ');

  const md = `# Benchmarks

Written by \`npm run bench\` (\`bench/run.js\`); do not edit by hand — the analysis below the tables
comes from \`bench/notes.js\`. The benchmark is not part of \`npm test\` and never fails on a number.

| machine | |
| --- | --- |
| CPU | ${m.model} |
| cores (nproc) | ${m.cpus} |
| memory | ${fmt(m.memGB, 1)} GB |
| OS | ${m.platform} |
| Node | ${m.node} |
| date | ${m.date} |
| load average (1 min) at start / end | ${fmt(m.load, 2)} / ${fmt(os.loadavg()[0], 2)} (other work on the machine makes absolute figures noisy; ratios are steadier) |
| run time | ${fmt((Date.now() - started) / 1000, 0)} s |

## Summary against targets

| section | target | result |
| --- | --- | --- |
| 1. cold start | every integration ≤ 1.15× bare \`zapier-platform-core\` (require CPU time and RSS) | ${
    coldBelow.length ? `❌ above: ${coldBelow.map((v) => v.name).join(', ')}` : '✅ all within'
  } |
| 2. requests per operation | the minimum per kind (1 per poll/search/create, 1 per dropdown page, 2 per find-or-create) | ${
    req.aboveRows.length || req.failed.length
      ? `⚠️ ${req.aboveRows.length} above minimum (explained below)${req.failed.length ? `, ${req.failed.length} failed` : ''}`
      : '✅ all at minimum'
  } |
| 3. mapping throughput | ≥ 1,000,000 records/s and ≤ 2× \`JSON.parse\` | ${
    mapBelow.length ? `❌ below: ${mapBelow.map((r) => r.crm).join(', ')}` : '✅ all within'
  } |
| 4. package size | reported (no target) | see table |

## 1. Cold start

A fresh \`node\` process (\`child_process.spawnSync\`, production-like env: no \`NODE_ENV=test\`)
requires the target and reports the time of the \`require\` and \`process.memoryUsage().rss\` after
it, and the CPU time (user + system) the require took — steadier than elapsed time when other
work shares the machine; wall = spawn to exit, seen from the parent (includes Node's own ~40 ms boot). ${RUNS} runs per
target, interleaved round-robin (order rotated each round) after one uncounted warm-up run;
medians. "workspace" requires \`integrations/<crm>/index.js\` → \`dist/\`; "zip" requires
\`index.js\` of the unzipped \`build/build.zip\` (what Lambda loads), against the zip's own copy of
core. The ✅/❌ takes both the require's CPU time (elapsed time is shown too, but other work on the machine inflates it run to run) and RSS. "core + zod" and "core + kit" are diagnostics.
Zips: ${WITH_ZIP ? buildNotes : 'skipped (BENCH_NO_ZIP=1)'}.

${coldOut.table}

## 2. Requests per operation

The \`npm start\` tour (\`allPlans()\` + \`runPlan\` from \`packages/sandbox\`): every trigger,
search, create, dropdown, dynamic-field and auth method, run through core's runtime against the
simulators; the simulator counts the HTTP requests each step makes.

${req.summary}

### Above the minimum

${req.above}

<details><summary>Every operation</summary>

${req.all}

</details>

## 3. Mapping throughput

${fmt(RECORDS)} records per integration, generated from the document examples in each
\`src/samples.ts\` (ids, names, emails, dates and numbers varied per record), serialised once and
parsed back, so the flattener sees objects exactly as a parsed API answer gives them. tinybench:
one task = flatten all ${fmt(RECORDS)} records (or \`JSON.parse\` their JSON text, one array),
≥ 3 iterations and ≥ ${MAP_TIME} ms per task after one warm-up iteration; medians (p50).

${mapTable}

## 4. Package size

\`build/build.zip\` from \`zapier-platform build --skip-dep-install --skip-validation\`; files and
unpacked size from the zip's central directory; dist/ is \`integrations/<crm>/dist\` (including
source maps and \`.d.ts\`, which the zip also carries).

${sizeTable}
${notes ? `\n${notes}\n` : ''}`;
  fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), md);
  log(`\nwrote bench/RESULTS.md in ${fmt((Date.now() - started) / 1000, 0)} s`);
};

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * The notes printed at the end of bench/RESULTS.md: plain arithmetic on the run being written
 * (where an integration's cold invocation and zip differ from the bare core app's), no claims
 * that the run did not measure.
 */

const ms = (n) => `${Math.round(n)} ms`;
const mb = (n) => `${n.toFixed(1)} MB`;
const bytes = (n) => `${Math.round(n).toLocaleString('en-US')} B`;
const x = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');

const coldNotes = (comparisons) => {
  const ok = comparisons.filter((c) => !c.error);
  if (!ok.length) return '';
  const lines = ok.map((c) => {
    const split =
      c.app.phases && c.bare.phases
        ? ` — loading the app +${ms(c.app.phases.app - c.bare.phases.app)}, the operation +${ms(
            c.app.phases.operation - c.bare.phases.operation,
          )}`
        : '';
    return (
      `- ${c.crm} (${c.where}): +${ms(c.app.cpuMs - c.bare.cpuMs)} CPU${split}; +${ms(c.app.wallMs - c.bare.wallMs)} wall, ` +
      `+${mb(c.app.rssMB - c.bare.rssMB)} peak RSS, +${c.app.modules - c.bare.modules} modules ` +
      `(${x(c.cpu)} CPU, ${x(c.wall)} wall, ${x(c.rss)} RSS).`
    );
  });
  return `### Cold invocation: what each integration adds to the bare app

The same requests and answers on both sides, so the difference is the app's own code: loading it
(modules: the workspace loads tsc's files, the kit and zod one by one; the zip loads one bundled
\`dist/index.js\`), building its definition, validating input and answers, mapping the output.

${lines.join('\n')}`;
};

const zipNotes = (zips) => {
  const rows = zips.rows.filter((r) => r.zipBytes);
  if (!rows.length || !zips.bareBytes) return '';
  const lines = rows.map((r) => {
    const own = r.largest?.find(([k]) => k === '(app)')?.[1];
    return `- ${r.app}: ${bytes(r.zipBytes - zips.bareBytes)} over the bare zip (${x(r.vsBare)})${
      own ? `; the app's own files (bundle, definition, package files) are ${bytes(own)} compressed` : ''
    }.`;
  });
  return `### Zip size: what each integration adds to the bare app

Both are built by the same CLI with dependencies from the registry, so the difference is the
app's own files; the issue's reference for a bare core-19 app, ${bytes(802_719)}, is shown beside
the bare zip measured here (${bytes(zips.bareBytes)}).

${lines.join('\n')}`;
};

const requestNotes = (requests) =>
  requests.aboveRows.length
    ? `### Requests above the minimum

Each is listed with its reason from \`bench/requests.js\` (a step above its minimum that no reason
covers shows "not explained"). Find-or-create steps count 2 by definition (search, then create
or update).`
    : '';

const analysis = ({ comparisons, zips, requests }) =>
  ['## Notes', coldNotes(comparisons), zipNotes(zips), requestNotes(requests)].filter(Boolean).join('\n\n');

module.exports = { analysis };

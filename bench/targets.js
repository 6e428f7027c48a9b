/**
 * What the cold-invocation benchmark runs: per integration its first operation (a step of the
 * `npm start` tour) against that CRM's simulator, and the bare core app (bench/bare) making the
 * very requests that operation made, recorded from the simulator.
 */
const path = require('node:path');
const { URL } = require('node:url');
const { ROOT, BARE } = require('./package');

/**
 * The operation each integration's cold invocation runs: the step a Zap runs most, its polling
 * trigger; LunarSend has none (its triggers are dropdowns), so its contact search.
 */
const FIRST = {
  nethunt: { step: 'new_record', kind: 'polling trigger' },
  lunarsend: { step: 'find_contact', kind: 'search (LunarSend has no polling trigger)' },
  nimble: { step: 'new_contact', kind: 'polling trigger' },
  apideck: { step: 'new_contact', kind: 'polling trigger' },
};

/** Headers that belong to one connection, not to the request: the bare app's client sets its own. */
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

const nonEmptyList = (results) => {
  if (!Array.isArray(results) || !results.length)
    throw new Error(`expected a non-empty list, got ${JSON.stringify(results)}`);
};

/**
 * Starts each CRM's simulator, runs the tour's steps before the chosen one in this process (an
 * OAuth app gets its tokens there), and returns { targets, stop, operations }: four targets per
 * integration (app and bare, workspace and zip) plus a `node` process that only boots.
 */
const coldTargets = async (crms, zipDirs) => {
  const sandbox = require(path.join(ROOT, 'packages', 'sandbox', 'dist'));
  const { defaultMeta } = require(path.join(ROOT, 'packages', 'kit', 'dist'));
  const plans = sandbox.allPlans();
  const started = [];
  const targets = [{ name: 'node (boot only)', crm: null, app: 'node', where: '–', mode: 'node', cwd: ROOT }];
  const operations = [];
  const meta = (step) => ({ ...defaultMeta, timezone: 'Europe/London', ...step.meta });

  for (const crm of crms) {
    const plan = plans.find((p) => p.crm === crm);
    const index = plan ? plan.steps.findIndex((s) => s.name === FIRST[crm].step) : -1;
    if (index < 0) {
      operations.push({ crm, ...FIRST[crm], error: `no tour step named ${FIRST[crm].step}` });
      continue;
    }
    const step = plan.steps[index];
    const baseUrl = await plan.server.start();
    started.push(plan.server);
    const before = await sandbox.runPlan({ ...plan, steps: plan.steps.slice(0, index) });
    const failed = before.find((r) => !r.ok);
    if (failed) {
      operations.push({ crm, ...FIRST[crm], error: `tour step ${failed.step} failed: ${failed.view}` });
      continue;
    }
    const ctx = Object.fromEntries(before.map((r) => [r.step, r.result]));
    const inputData = typeof step.inputData === 'function' ? step.inputData(ctx) : (step.inputData ?? {});

    // The requests the app's first run makes, for the bare app to make the same ones.
    const recorded = [];
    let recording = false;
    plan.server.onResponse((req) => {
      if (recording)
        recorded.push({ method: req.method, path: req.path, query: req.query.toString(), headers: req.headers });
    });
    const origin = new URL(baseUrl).origin;
    const operation = { crm, ...FIRST[crm], method: step.method, recorded };
    operations.push(operation);

    const appEvent = {
      command: 'execute',
      method: step.method,
      bundle: { authData: { ...plan.authData }, inputData, meta: meta(step) },
      environment: plan.env(baseUrl),
    };
    const bareEvent = () => ({
      command: 'execute',
      method: 'triggers.replay.operation.perform',
      bundle: {
        authData: {},
        inputData: {
          requests: recorded.map((r) => ({
            method: r.method,
            url: `${origin}${r.path}${r.query ? `?${r.query}` : ''}`,
            headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => !HOP_BY_HOP.has(k))),
          })),
        },
        meta: meta(step),
      },
      environment: {},
    });
    const appCheck = (results) => {
      (step.expect ?? nonEmptyList)(results);
      if (!recorded.length) throw new Error('the operation made no request');
    };

    const where = [
      ['workspace', { app: path.join(ROOT, 'integrations', crm, 'index.js'), bare: path.join(BARE, 'index.js') }],
    ];
    if (zipDirs[crm] && zipDirs.bare) where.push(['zip', { app: zipDirs[crm], bare: zipDirs.bare }]);
    for (const [w, entry] of where) {
      const first = w === 'workspace';
      targets.push({
        name: `${crm} (${w})`,
        crm,
        app: crm,
        where: w,
        ...(first
          ? { mode: 'app', entry: entry.app, cwd: ROOT }
          : { mode: 'wrapper', entry: path.join(entry.app, 'zapierwrapper.js'), cwd: entry.app }),
        event: appEvent,
        // The workspace app's warm-up run (the first run of all) records the requests it makes.
        check: first ? appCheck : (results) => (step.expect ?? nonEmptyList)(results),
        ...(first ? { before: () => (recording = true), after: () => (recording = false) } : {}),
      });
      targets.push({
        name: `bare core for ${crm} (${w})`,
        crm,
        app: 'bare',
        where: w,
        ...(first
          ? { mode: 'app', entry: entry.bare, cwd: ROOT }
          : { mode: 'wrapper', entry: path.join(entry.bare, 'zapierwrapper.js'), cwd: entry.bare }),
        get event() {
          return bareEvent();
        },
        check: nonEmptyList,
      });
    }
  }
  const stop = () => Promise.all(started.map((s) => s.stop()));
  return { targets, operations, stop };
};

module.exports = { coldTargets, FIRST };

#!/usr/bin/env node
/**
 * Proves that an integration's `build/build.zip` (made by `npx zapier-platform build` inside
 * `integrations/<crm>`) stands on its own, as Zapier's Lambda runs it:
 *   - no symbolic links in the zip;
 *   - unzipped into an empty temp folder, a fresh `node` (cwd there, nothing from this repo on its
 *     module path) requires the zip's `zapierwrapper.js` and calls its Lambda `handler`, which is
 *     core's `createAppHandler` loading the zip's `index.js`;
 *   - the handler runs the tour's steps (packages/sandbox) in order against the CRM's simulator, a
 *     loopback server, until it has run the auth test and one search or create, and each step's
 *     own check of its output passes. Exits non-zero on the first failure.
 *
 *   npm run build && (cd integrations/lunarsend && npx zapier-platform build --skip-validation)
 *   node scripts/verify-zip.js lunarsend
 *
 * Not part of CI: the build it checks installs zapier-platform-core from the registry.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { zipEntries, extractZip } = require('../bench/zip');

const ROOT = path.resolve(__dirname, '..');
const crm = process.argv[2];
if (!crm) throw new Error('usage: verify-zip.js <nethunt|lunarsend|nimble|apideck>');
const zipFile = path.join(ROOT, 'integrations', crm, 'build', 'build.zip');

/** Sandbox tokens are still tokens: the output shows that they came back, not what they are. */
const hideSecrets = (key, value) => (/token|secret|password|api_?key|authorization/i.test(key) ? '•••' : value);

/** Runs the event through the zip's Lambda handler in a fresh node inside `dir` (async: the simulator answers meanwhile). */
const invoke = (dir, event) =>
  new Promise((resolve, reject) => {
    const code = `
      const { handler } = require('./zapierwrapper.js');
      const core = require.resolve('zapier-platform-core');
      handler(JSON.parse(process.argv[1]), {}).then(
        (result) => console.log(JSON.stringify({ core, result })),
        (error) => { console.log(JSON.stringify({ core, error: String(error && error.message) })); process.exitCode = 1; },
      );`;
    // Only what a shell needs: no NODE_PATH or NODE_OPTIONS from this repo's npm scripts.
    const env = Object.fromEntries(
      ['HOME', 'PATH', 'TMPDIR'].filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
    );
    const child = spawn(process.execPath, ['-e', code, JSON.stringify(event)], {
      cwd: dir,
      env,
      timeout: 30000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (stderr.trim()) console.error(stderr.trim());
      const lastLine = stdout.trim().split('\n').pop();
      if (!lastLine) reject(new Error(`no output from the handler (exit ${status})`));
      else resolve(JSON.parse(lastLine));
    });
  });

const main = async () => {
  const { allPlans } = require('@crm-zapier/sandbox');
  const { defaultMeta } = require('@crm-zapier/kit');
  const plan = allPlans().find((p) => p.crm === crm);
  if (!plan) throw new Error(`no sandbox plan named ${crm}`);

  const entries = zipEntries(fs.readFileSync(zipFile));
  const links = entries.filter((e) => e.symlink).map((e) => e.name);
  console.log(
    `${path.relative(ROOT, zipFile)}: ${fs.statSync(zipFile).size} bytes, ${entries.length} entries, ${links.length} symbolic links`,
  );
  if (links.length) throw new Error(`symbolic links in the zip: ${links.join(', ')}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zip-${crm}-`));
  for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
    if (fs.existsSync(path.join(up, 'node_modules'))) throw new Error(`${up}/node_modules would leak into the check`);
  }
  const baseUrl = await plan.server.start();
  try {
    console.log(`unzipped ${extractZip(zipFile, dir)} files into ${dir}`);
    // The tour's steps in order (an OAuth app gets its tokens from the steps before the auth test),
    // up to the first plain search or create; steps the tour runs some other way are left out.
    const ctx = {};
    let ranAuthTest = false;
    let ranOperation = false;
    for (const step of plan.steps) {
      if (step.custom) continue;
      const inputData = typeof step.inputData === 'function' ? step.inputData(ctx) : (step.inputData ?? {});
      const event = {
        command: 'execute',
        method: step.method,
        bundle: { authData: plan.authData, inputData, meta: { ...defaultMeta, ...step.meta } },
        environment: plan.env(baseUrl),
      };
      const started = Date.now();
      // The handler answers { results, status }, as Lambda returns it to Zapier.
      const { core, result, error } = await invoke(dir, event);
      const ms = Date.now() - started;
      if (error) throw new Error(`${step.method} failed: ${error}`);
      step.expect?.(result.results);
      ctx[step.name] = result.results;
      console.log(`${step.method}: ok in ${ms} ms, core from ${path.relative(dir, core)}`);
      console.log(`  ${JSON.stringify(result, hideSecrets).slice(0, 160)}`);
      ranAuthTest ||= step.method === 'authentication.test';
      ranOperation ||= /^(searches|creates)\./.test(step.method);
      if (ranAuthTest && ranOperation) break;
    }
    if (!ranAuthTest || !ranOperation) throw new Error('the tour has no auth test or no plain search or create');
  } finally {
    await plan.server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

import { join } from 'node:path';
import '@crm-zapier/sandbox/dist/runtimeMode';
import { allPlans } from '@crm-zapier/sandbox';
import { lintDefinition, type Finding } from './checks';
import { checkConsistency } from './consistency';
import { definitionOf, schemaErrorsOf } from './definition';
import { editorFindings } from './editor';
import { layoutFindings } from './layout';
import { waiverFor } from './waivers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const LATEST_CORE = (require('zapier-platform-cli/package.json') as { version: string }).version;

/** The app's name as users know it: the first word of its package description ("NetHunt CRM integration…"). */
const appNameOf = (folder: string): string =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(folder, 'package.json')) as { description: string }).description.split(' ')[0]!;

/**
 * `npm run validate`: for every integration, Zapier's local schema validation, the lint of the
 * statically checkable integration checks, the Zap-editor rules (E-*), the template check (LAYOUT), and the sample/output
 * consistency run on the sandbox.
 * Prints every finding with its check id, place and fix; exits non-zero if any is not waived.
 */
const main = async () => {
  let failing = 0;
  let waived = 0;
  // An app may have several plans (Apideck: polling and webhooks): its definition is checked once,
  // each plan's sandbox run is checked on its own.
  const linted = new Set<object>();
  for (const plan of allPlans()) {
    const def = definitionOf(plan.app);
    const folder = join(__dirname, '../../../integrations', plan.crm);
    const findings: Finding[] = [];
    if (!linted.has(plan.app)) {
      linted.add(plan.app);
      findings.push(
        ...schemaErrorsOf(plan.app).map((e) => ({
          check: 'SCHEMA',
          where: e.property ?? 'app',
          message: e.message ?? e.stack ?? 'invalid',
          fix: 'follow the Zapier schema',
        })),
        ...lintDefinition(def, { latestCoreVersion: LATEST_CORE }),
        ...editorFindings(def, { appName: appNameOf(folder) }),
        ...layoutFindings(folder),
      );
    }
    try {
      findings.push(...(await checkConsistency(plan, def)).findings);
    } finally {
      await plan.server.stop();
    }
    for (const f of findings) {
      const waiver = waiverFor(plan.crm, f.check, f.where);
      if (waiver) {
        waived += 1;
        continue;
      }
      failing += 1;
      console.log(`${f.check}  ${plan.crm}  ${f.where}: ${f.message} — fix: ${f.fix}`);
    }
    console.log(
      `${plan.crm}: ${findings.length} finding(s), ${findings.filter((f) => waiverFor(plan.crm, f.check, f.where)).length} waived`,
    );
  }
  console.log(`validate: ${failing} finding(s), ${waived} waived`);
  process.exitCode = failing ? 1 : 0;
};

void main();

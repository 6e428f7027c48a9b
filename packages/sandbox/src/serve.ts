import { allPlans } from './tour/plans';

/**
 * `npm run sandbox [crm…]`: starts the simulators and keeps them running, printing each base URL
 * and the sandbox credentials, for `zapier-platform invoke` against them.
 */
const main = async () => {
  const wanted = process.argv.slice(2);
  const plans = allPlans().filter((p) => wanted.length === 0 || wanted.includes(p.crm));
  if (plans.length === 0) {
    console.error(
      `Unknown CRM: ${wanted.join(', ')}. Known: ${allPlans()
        .map((p) => p.crm)
        .join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  for (const plan of plans) {
    const baseUrl = await plan.server.start();
    const env = Object.entries(plan.env(baseUrl)).map(([k, v]) => `${k}=${v}`);
    const auth = Object.entries(plan.authData).map(([k, v]) => `authData_${k}=${v}`);
    console.log(`# ${plan.crm}: put these lines in integrations/<crm>/.env\n${[...env, ...auth].join('\n')}\n`);
  }
  console.log('Simulators running; Ctrl-C to stop.');
};

void main();

import '../runtimeMode';
import { allPlans } from './plans';
import { formatResult, runPlan, type StepResult } from './tour.lib';

/** `npm start`: every operation of every integration, offline, through Zapier's runtime. */
const main = async () => {
  const all: StepResult[] = [];
  for (const plan of allPlans()) {
    try {
      const results = await runPlan(plan);
      results.forEach((r) => console.log(formatResult(r)));
      all.push(...results);
    } finally {
      await plan.server.stop();
    }
  }
  const failed = all.filter((r) => !r.ok).length;
  console.log(`\n${all.length - failed} operations OK, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
};

void main();

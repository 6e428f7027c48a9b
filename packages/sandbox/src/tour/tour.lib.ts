import { appRunner, defaultMeta, type MethodRunner } from '@crm-zapier/kit';
import type { SimServer } from '../server';

/** What earlier steps returned, by step name, for steps that need an id created before them. */
export type TourContext = Record<string, unknown>;

export interface TourStep {
  /** Shown in the report, e.g. "create_record". */
  name: string;
  /** The method path the runtime executes, e.g. `creates.create_record.operation.perform`. */
  method: string;
  /** Runs the step some other way than one method (e.g. a find-or-create); gets the same bundle. */
  custom?: (
    run: MethodRunner,
    bundle: { authData: Record<string, string>; inputData: Record<string, unknown>; meta: object },
  ) => Promise<unknown>;
  inputData?: Record<string, unknown> | ((ctx: TourContext) => Record<string, unknown>);
  meta?: Record<string, unknown>;
  /** Throws when the result is not what the step should produce. */
  expect?: (result: unknown) => void;
}

export interface TourPlan {
  crm: string;
  /** The Zapier app definition, as the runtime loads it. */
  app: object;
  authData: Record<string, string>;
  server: SimServer;
  /** Environment the integration reads its base URL from, pointed at the simulator. */
  env: (baseUrl: string) => Record<string, string>;
  steps: TourStep[];
}

export interface StepResult {
  crm: string;
  step: string;
  ok: boolean;
  requests: number;
  ms: number;
  view: string;
  method: string;
  inputData?: Record<string, unknown>;
  result?: unknown;
}

/** Called after each successful step, while the simulator is still up and the env points at it. */
export type AfterStep = (
  result: StepResult,
  run: MethodRunner,
  bundle: { authData: Record<string, string>; inputData: Record<string, unknown>; meta: object },
) => Promise<void>;

/** The tour runs as a Zap in London would: core's default meta with a time zone. */
const TOUR_META = { ...defaultMeta, timezone: 'Europe/London' };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Keys whose values are credentials: the report shows that they came back, never what they are. */
const SECRET_KEY = /token|secret|password|api_?key|authorization/i;

/** A one-line view of a result: how many items, and the first keys of the first one; no secrets. */
export const shortView = (result: unknown): string => {
  const describe = (obj: unknown) =>
    obj && typeof obj === 'object'
      ? Object.entries(obj as Record<string, unknown>)
          .slice(0, 4)
          .map(([k, v]) =>
            SECRET_KEY.test(k) ? `${k}=•••` : `${k}=${clip(typeof v === 'string' ? v : JSON.stringify(v), 28)}`,
          )
          .join(' ')
      : clip(JSON.stringify(obj), 120);
  if (Array.isArray(result)) return `${result.length} item(s)${result.length ? `; first: ${describe(result[0])}` : ''}`;
  return describe(result);
};

/**
 * Runs every step of a plan through zapier-platform-core's runtime (createAppTester drives the same
 * lambda handler Zapier runs), against the plan's simulator, counting the HTTP requests each makes.
 */
export const runPlan = async (plan: TourPlan, afterStep?: AfterStep): Promise<StepResult[]> => {
  const baseUrl = plan.server.baseUrl || (await plan.server.start());
  const env = plan.env(baseUrl);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const run = appRunner(plan.app);
  const ctx: TourContext = {};
  const results: StepResult[] = [];
  try {
    for (const step of plan.steps) {
      const before = plan.server.requests.length;
      const started = process.hrtime.bigint();
      try {
        const bundle = {
          authData: plan.authData,
          inputData: typeof step.inputData === 'function' ? step.inputData(ctx) : (step.inputData ?? {}),
          meta: { ...TOUR_META, ...step.meta },
        };
        const result = step.custom ? await step.custom(run, bundle) : await run(step.method, bundle);
        step.expect?.(result);
        ctx[step.name] = result;
        const done: StepResult = {
          crm: plan.crm,
          step: step.name,
          ok: true,
          requests: plan.server.requests.length - before,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          view: shortView(result),
          method: step.method,
          inputData: bundle.inputData,
          result,
        };
        results.push(done);
        await afterStep?.(done, run, bundle);
      } catch (err) {
        results.push({
          crm: plan.crm,
          step: step.name,
          ok: false,
          requests: plan.server.requests.length - before,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          view: clip(err instanceof Error ? err.message : String(err), 200),
          method: step.method,
        });
      }
    }
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return results;
};

export const formatResult = (r: StepResult): string =>
  `${r.ok ? 'OK  ' : 'FAIL'}  ${r.crm.padEnd(10)} ${r.step.padEnd(32)} ${String(r.requests).padStart(2)} req ${r.ms
    .toFixed(0)
    .padStart(5)} ms  ${r.view}`;

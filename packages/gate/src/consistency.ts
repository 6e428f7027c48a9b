import type { MethodRunner } from '@crm-zapier/kit';
import { runPlan, type StepResult, type TourPlan } from '@crm-zapier/sandbox';
import type { Finding } from './checks';
import { isIsoDate } from './checks';
import type { Action, Definition, Field, FieldItem } from './definition';

const PERFORM = /^(triggers|searches|creates)\.([a-z0-9_]+)\.operation\.perform$/;
const DATE_KEY = /(_at|_time|_date|^time|^date)$/;
/**
 * API Request (Beta) outputs whatever the endpoint the user chose answers: its headers and body keys
 * cannot be labelled, typed or sampled in advance. Only its fixed keys (status, body_text) are checked.
 */
const passedThrough = (action: Action, key: string) =>
  action.key === 'api_request' && /^(headers__|body($|__|\[\]))/.test(key);

const fieldsOnly = (items: FieldItem[] | unknown): Field[] =>
  Array.isArray(items) ? items.filter((i): i is Field => typeof i === 'object' && i !== null && 'key' in i) : [];

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

const matches = (type: string | undefined, value: unknown): boolean => {
  if (value === null || value === undefined || !type) return true;
  if (Array.isArray(value)) return value.every((v) => matches(type, v));
  if (type === 'string' || type === 'text') return typeof value === 'string';
  if (type === 'number') return typeof value === 'number';
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'datetime') return typeof value === 'string' && isIsoDate(value);
  return true;
};

/**
 * Compares, for one operation run against the sandbox, what perform returned with the static
 * `sample` and the `outputFields` (static and dynamic): the offline version of T004/T005/D024.
 */
export const compareOutput = (
  where: string,
  action: Action,
  items: Record<string, unknown>[],
  dynamicOutputs: Field[],
): Finding[] => {
  const findings: Finding[] = [];
  const add = (check: string, message: string, fix: string) => findings.push({ check, where, message, fix });
  if (items.length === 0) return findings;
  const live = new Set(items.flatMap((i) => Object.keys(i)));
  const staticOutputs = fieldsOnly(action.operation.outputFields);
  const labelled = new Set([...staticOutputs, ...dynamicOutputs].filter((f) => f.label).map((f) => f.key));

  for (const key of Object.keys(action.operation.sample ?? {})) {
    if (!live.has(key) && !passedThrough(action, key))
      add('T004', `sample key "${key}" is never returned for real`, 'drop it from the sample, or return it always');
  }
  for (const f of staticOutputs) {
    if (!live.has(f.key))
      add(
        'T004',
        `output field "${f.key}" is never returned for real`,
        'return it (null when empty) or drop the field',
      );
  }
  for (const key of live) {
    if (!labelled.has(key) && !passedThrough(action, key))
      add('X001', `output key "${key}" has no label`, 'add it to outputFields with a label');
  }
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (passedThrough(action, key)) continue;
      if (value === undefined) add('X002', `"${key}" is undefined`, 'return null or leave the key out');
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        add('X002', `"${key}" is a nested object`, 'flatten it to scalar keys');
      }
      const field = staticOutputs.find((f) => f.key === key);
      if (field && !matches(field.type, value)) {
        add(
          'T005',
          `"${key}" is ${typeOf(value)} ${JSON.stringify(value)}, declared ${field.type}`,
          'fix the mapping or the declared type',
        );
      }
      if ((DATE_KEY.test(key) || field?.type === 'datetime') && typeof value === 'string' && !isIsoDate(value)) {
        add('T003', `"${key}" = "${value}" is not ISO 8601 with a time zone`, 'return dates as 2024-05-01T14:30:00Z');
      }
    }
  }
  // One finding per message is enough.
  return findings.filter((f, i) => findings.findIndex((g) => g.message === f.message) === i);
};

/** Runs a CRM's whole tour and checks every trigger, search and create it runs. */
export const checkConsistency = async (
  plan: TourPlan,
  def: Definition,
): Promise<{ findings: Finding[]; results: StepResult[] }> => {
  const findings: Finding[] = [];
  const results = await runPlan(plan, async (step, run: MethodRunner, bundle) => {
    const m = PERFORM.exec(step.method);
    if (!m) return;
    const [, kind, key] = m as unknown as [string, 'triggers' | 'searches' | 'creates', string];
    const action = def[kind]?.[key];
    if (!action || action.display?.hidden) return;
    const outputPath = `${kind}.${key}.operation.outputFields`;
    const dynamic = action.operation.outputFields ? fieldsOnly(await run(outputPath, bundle)) : [];
    const items = (Array.isArray(step.result) ? step.result : [step.result]) as Record<string, unknown>[];
    findings.push(...compareOutput(`${plan.crm} ${kind}.${key} (sandbox run)`, action, items, dynamic));
  });
  for (const r of results.filter((x) => !x.ok)) {
    findings.push({
      check: 'RUN',
      where: `${plan.crm} ${r.step}`,
      message: r.view,
      fix: 'make the operation work against the sandbox',
    });
  }
  return { findings, results };
};

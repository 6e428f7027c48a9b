/**
 * Requests per operation: the `npm start` tour (every operation of every integration, through
 * Zapier's runtime, against the simulators), with each step's HTTP request count set against the
 * least the API allows for that kind of step.
 */
const path = require('node:path');

const SANDBOX = path.resolve(__dirname, '..', 'packages', 'sandbox', 'dist');

/**
 * Why a step makes more requests than its minimum, as [pattern on `crm/step`, reason] (first match
 * wins). A step above its minimum that no pattern explains is reported as "not explained", so a new
 * extra request cannot go unnoticed.
 */
const APIDECK_READ_BACK =
  'Apideck answers `PATCH` with the id only, so the record is read back (`GET` by id) to output it whole, as the CRM now has it ' +
  '(the same shape as the matching Find step; later steps mapping e.g. an email get the real value, not null).';
const REASONS = [
  [
    /^nimble\/oauth getAccessToken$/,
    "The token exchange, then one `GET /myself` to keep the connected user's id in authData: once per connection, so that " +
      'Create Deal can default the (required) owner without asking `/myself` on every run.',
  ],
  [
    /^nimble\/create_deal$/,
    '`GET` the pipeline first: the stage rules (an open stage of this pipeline, its default probability) are checked on the pipeline ' +
      "as it is now, before the create. First run per connection also `GET /deals/fields`, because Nimble keys a deal's " +
      '`fields_values` by field id and the ids differ per account; the ids are then kept in `z.cache` per connection, so later ' +
      'runs make 2 requests ("create_deal again").',
  ],
  [
    /^nimble\/create_deal again$/,
    '`GET` the pipeline, then the create: the stage rules are checked on the pipeline as it is now (the field ids come from `z.cache`).',
  ],
  [
    /^nimble\/update_deal/,
    "A stage change reads the deal (for its pipeline) and that pipeline, to check the stage belongs to the deal's pipeline and is " +
      'open before the change (nimble.md §12.3); without a stage, 1 request.',
  ],
  [
    /^nimble\/update_contact/,
    "Company Name or Job Title given: the contact is read first, because its type decides what Company Name means and a person's " +
      'current employment is merged, not duplicated; other fields alone are 1 request.',
  ],
  [
    /^nethunt\/create_record fields$/,
    "The folder's fields, and one read of its records to type each field (NetHunt's field list carries no types).",
  ],
  [
    /^nethunt\/(create_record|update_record|find_or_create)/,
    "Values are typed as the folder's records hold each field: one read of the folder's records (`GET new-record`) before the " +
      'write, so a value of the wrong kind stops before anything is written.',
  ],
  [
    /^nimble\/add_contact_tags/,
    "Nimble's tag endpoint replaces the contact's whole tag set, so mode \"add\" first reads the contact's current tags " +
      '(`GET` contact) and sends the union; mode "replace" is 1 request.',
  ],
  [
    /^lunarsend\/add_tag_to_contact/,
    'The tag was given by name, not picked: `GET /tags/search` to find its id and, when missing and allowed, `POST /tags` to ' +
      'create it, then `POST /tag/contacts` (1 request when a tag is picked from the dropdown).',
  ],
  [/^apideck(-hooks)?\/update_/, `Update = PATCH + read-back. ${APIDECK_READ_BACK}`],
  [/^apideck(-hooks)?\/find_or_create_.*hit: update/, `Search (1) + "update if found" (2). ${APIDECK_READ_BACK}`],
];
const reasonFor = (key) => REASONS.find(([pattern]) => pattern.test(key))?.[1] ?? 'not explained';

/**
 * The least a step of this kind can cost (null: a harness action, not an operation, not judged).
 * Polls, searches, creates, dynamic fields and auth tests: 1. Dropdowns: 1 per page. Find-or-create:
 * 2. REST hook subscribe/unsubscribe: 1 per trigger. REST hook delivery: 1 (the event names the
 * record, which is read once; a deletion needs none). OAuth authorize URL: 0.
 */
const minimumFor = (step, name) => {
  const m = step.method;
  if (/^(GET|POST|PUT|PATCH|DELETE) /.test(m)) return { min: null, kind: 'harness: event sent to the simulator' };
  if (/performSubscribe|performUnsubscribe/.test(m)) {
    const n = Number(/\((\d+) instant triggers?\)/.exec(name)?.[1] ?? 1);
    return { min: n, kind: 'REST hook (un)subscribe, 1 per trigger' };
  }
  if (step.custom && /operation\.perform\b/.test(m) && /triggers\./.test(m))
    return { min: 1, kind: 'REST hook delivery' };
  if (step.custom && /find_or_create/.test(name)) return { min: 2, kind: 'find-or-create' };
  if (step.custom) return { min: 1, kind: 'custom step' };
  if (/authorizeUrl$/.test(m)) return { min: 0, kind: 'OAuth authorize URL (no request)' };
  if (/^authentication\./.test(m)) return { min: 1, kind: /Token$/.test(m) ? 'OAuth token' : 'auth test' };
  if (/\.inputFields$/.test(m) || /\.outputFields$/.test(m)) return { min: 1, kind: 'dynamic fields' };
  if (/\.performList$/.test(m)) return { min: 1, kind: 'REST hook sample (performList)' };
  if (/^triggers\.list_/.test(m)) {
    const page = Number(step.meta?.page ?? 0);
    return { min: 1, kind: page > 0 ? `dropdown page ${page + 1} (1 per page)` : 'dropdown (1 per page)' };
  }
  if (/^triggers\./.test(m)) return { min: 1, kind: 'poll' };
  if (/^searches\./.test(m)) return { min: 1, kind: 'search' };
  if (/^creates\./.test(m)) return { min: 1, kind: 'create' };
  return { min: 1, kind: 'other' };
};

const measureRequests = async () => {
  // Core's test mode, as `npm start` runs the tour: result checks throw instead of only logging.
  process.env.NODE_ENV ??= 'test';
  const { allPlans, runPlan } = require(SANDBOX);
  const rows = [];
  for (const plan of allPlans()) {
    const stepByName = new Map(plan.steps.map((s) => [s.name, s]));
    try {
      const results = await runPlan(plan);
      for (const r of results) {
        const { min, kind } = minimumFor(stepByName.get(r.step) ?? { method: r.method }, r.step);
        const key = `${r.crm}/${r.step}`;
        rows.push({
          crm: r.crm,
          step: r.step,
          method: r.method,
          kind,
          ok: r.ok,
          requests: r.requests,
          min,
          ms: r.ms,
          reason: min !== null && r.requests > min ? reasonFor(key) : null,
          error: r.ok ? null : r.view,
        });
      }
    } finally {
      await plan.server.stop();
    }
  }
  return rows;
};

module.exports = { measureRequests, REASONS };

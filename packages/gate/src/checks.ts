import type { Action, Definition, Field, FieldItem } from './definition';

/** One problem the gate found: Zapier's check id, where, what, and a one-line fix. */
export interface Finding {
  check: string;
  where: string;
  message: string;
  fix: string;
}

type Kind = 'triggers' | 'searches' | 'creates';
const KINDS: Kind[] = ['triggers', 'searches', 'creates'];

const isFunc = (item: FieldItem): item is string => typeof item === 'string';
const staticFields = (items: FieldItem[] | undefined): Field[] => (items ?? []).filter((i): i is Field => !isFunc(i));
const allFields = (fields: Field[]): Field[] => fields.flatMap((f) => [f, ...(f.children ?? [])]);

const actions = (def: Definition) =>
  KINDS.flatMap((kind) => Object.values(def[kind] ?? {}).map((action) => ({ kind, action: action as Action })));

const visible = (a: Action) => !a.display?.hidden;

/** Words Title Case leaves in lower case (unless first). */
const MINOR = new Set('a an and as at but by for from in into nor of on or per the to up via vs with'.split(' '));
export const isTitleCase = (label: string): boolean =>
  label
    .split(/\s+/)
    .filter(Boolean)
    .every((word, i) => {
      const bare = word.replace(/^[("'[]+|[)"'\],.:;!?]+$/g, '');
      if (!bare || !/[a-z]/i.test(bare[0]!)) return true;
      if (i > 0 && MINOR.has(bare.toLowerCase())) return true;
      return bare[0] === bare[0]!.toUpperCase();
    });

/** Sensitive words Zapier's own AuthFieldisSafe list uses; an input field must not collect these. */
const SENSITIVE =
  /(^|_)(api_?key|apikey|api_?token|access_?token|refresh_?token|token|secret|password|passwd|pswd|jwt|signature|auth)($|_)/i;

/** ISO 8601 date, or date-time with a time zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOOKS_LIKE_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}.*)?$|^\d{1,2}\/\d{1,2}\/\d{2,4}/;
export const isIsoDate = (v: string) => ISO_DATE.test(v) || ISO_DATETIME_TZ.test(v);

const MD_LINK = /\[[^\]]+\]\((https:\/\/[^\s)]+)\)/g;

/** Every string in a JSON value, with its path. */
const strings = (value: unknown, path: string, out: { path: string; value: string }[] = []) => {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  }
  return out;
};

/** The JSON type of a sample value as an output field `type` names it. */
const typeMatches = (type: string | undefined, value: unknown, list?: boolean): boolean => {
  if (value === null || value === undefined || !type) return true;
  if (Array.isArray(value)) return value.every((v) => typeMatches(type, v));
  switch (type) {
    case 'string':
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'datetime':
      return typeof value === 'string' && isIsoDate(value);
    default:
      return list ? true : true;
  }
};

export interface LintOptions {
  /** The newest zapier-platform-core version known (D027). */
  latestCoreVersion: string;
}

/** Every check that can be decided from the definition alone (the table in zapier-platform.md §3.2). */
export const lintDefinition = (def: Definition, options: LintOptions): Finding[] => {
  const findings: Finding[] = [];
  const add = (check: string, where: string, message: string, fix: string) =>
    findings.push({ check, where, message, fix });
  const triggerKeys = new Set(Object.keys(def.triggers ?? {}));
  const searchKeys = new Set(Object.keys(def.searches ?? {}));
  const createKeys = new Set(Object.keys(def.creates ?? {}));
  const auth = def.authentication;

  // D002: pasted secrets need help text with a link to where they are found.
  for (const f of auth?.fields ?? []) {
    const secretLike = f.type === 'password' || SENSITIVE.test(f.key);
    if (secretLike && !MD_LINK.test(f.helpText ?? '')) {
      add(
        'D002',
        `authentication.fields.${f.key}`,
        'a credential field has no markdown link to where the value is found',
        'add "[where to find it](https://…)" to its helpText',
      );
    }
    MD_LINK.lastIndex = 0;
  }

  // D003: connection label identifies the account and never shows a secret.
  const label = auth?.connectionLabel;
  if (auth && auth.type !== 'oauth2' && typeof label === 'string') {
    const placeholders = [...label.matchAll(/{{\s*([^}]+?)\s*}}/g)].map((m) => m[1]!);
    if (placeholders.length === 0) {
      add(
        'D003',
        'authentication.connectionLabel',
        `the label "${label}" is the same for every account`,
        'use a placeholder from the test response, e.g. {{email}}',
      );
    }
    for (const p of placeholders) {
      if (SENSITIVE.test(p.replace(/^bundle\.(authData|inputData)\./, ''))) {
        add('D003', 'authentication.connectionLabel', `the label shows ${p}, a secret`, 'show a name or email instead');
      }
    }
  }
  if (auth && label === undefined) {
    add(
      'D003',
      'authentication.connectionLabel',
      'no connection label: every connection looks the same',
      'add a connectionLabel such as {{email}}',
    );
  }

  for (const { kind, action } of actions(def)) {
    const base = `${kind}.${action.key}`;
    const op = action.operation ?? {};
    const inputs = staticFields(op.inputFields);
    const outputs = staticFields(op.outputFields);
    const isVisible = visible(action);

    // D018 / D021: labels and descriptions as the editor expects.
    if (isVisible && !isTitleCase(action.display.label)) {
      add(
        'D018',
        `${base}.display.label`,
        `"${action.display.label}" is not in Title Case`,
        'capitalise each major word',
      );
    }
    if (kind === 'triggers' && isVisible && !/^Triggers when .+\.$/.test(action.display.description)) {
      add(
        'D021',
        `${base}.display.description`,
        `"${action.display.description}" does not read "Triggers when ….”`,
        'start with "Triggers when " and end with a period',
      );
    }

    // D012 / D010: samples, with the primary key.
    if (isVisible && (!op.sample || Object.keys(op.sample).length === 0)) {
      add('D012', `${base}.operation.sample`, 'no static sample', 'add a sample with the keys perform returns');
    }
    if (kind === 'triggers' && op.sample) {
      const primary = outputs.filter((f) => f.primary).map((f) => f.key);
      for (const key of primary.length ? primary : ['id']) {
        if (op.sample[key] === undefined || op.sample[key] === null) {
          add(
            'D010',
            `${base}.operation.sample`,
            `the sample lacks the primary key "${key}"`,
            `add "${key}" to the sample`,
          );
        }
      }
    }

    // D023 / D024: sample values.
    for (const { path, value } of strings(op.sample ?? {}, '')) {
      if (LOOKS_LIKE_DATE.test(value) && !isIsoDate(value)) {
        add(
          'D023',
          `${base}.operation.sample.${path}`,
          `"${value}" is not ISO 8601 with a time zone`,
          'write dates as 2024-05-01T14:30:00Z',
        );
      }
    }
    for (const f of outputs) {
      const value = op.sample?.[f.key];
      if (f.required && value === undefined) {
        add(
          'D024',
          `${base}.operation.outputFields.${f.key}`,
          `required output "${f.key}" is missing from the sample`,
          'add it to the sample or drop required',
        );
      }
      if (value !== undefined && !typeMatches(f.type, value, f.list)) {
        add(
          'D024',
          `${base}.operation.outputFields.${f.key}`,
          `sample value ${JSON.stringify(value)} is not of type ${f.type}`,
          'fix the sample or the output field type',
        );
      }
    }

    // D009 / D022: searches need a search field, creates some static fields.
    if (kind === 'searches' && (op.inputFields ?? []).length === 0) {
      add(
        'D009',
        `${base}.operation.inputFields`,
        'a search without input fields',
        'add at least one field to search by',
      );
    }
    if (kind === 'creates' && isVisible && inputs.length === 0) {
      add('D022', `${base}.operation.inputFields`, 'only dynamic input fields', 'add at least one static input field');
    }

    for (const f of allFields(inputs)) {
      const where = `${base}.inputFields.${f.key}`;
      // D001: no credentials in input fields.
      if (SENSITIVE.test(f.key))
        add(
          'D001',
          where,
          `input "${f.key}" looks like a credential`,
          'collect credentials in authentication fields only',
        );
      // D004: id-like inputs should offer a dropdown.
      if ((/(^|_)id$|Id$/.test(f.key) || /\bID\b/.test(f.label ?? '')) && !f.dynamic && !f.choices) {
        add(
          'D004',
          where,
          `"${f.label ?? f.key}" takes an ID but has no dropdown`,
          'add dynamic: "<hidden trigger>.id.name" (or waive with a reason)',
        );
      }
      // D005 / D013 / D014: dropdown and search references.
      if (f.dynamic) {
        const [trigger] = f.dynamic.split('.');
        if (!trigger || !triggerKeys.has(trigger)) {
          add('D005', where, `dynamic "${f.dynamic}" names no trigger`, 'point it at an existing (hidden) trigger');
        }
      }
      if (f.search) {
        const [search] = f.search.split('.');
        if (!search || !searchKeys.has(search))
          add('D013', where, `search "${f.search}" names no search`, 'point it at an existing search');
        if (!f.dynamic)
          add('D013', where, 'a search-powered field without a dynamic dropdown', 'add dynamic beside search');
        if ((f.type && !['string', 'number', 'integer'].includes(f.type)) || f.list || f.dict || f.children) {
          add(
            'D014',
            where,
            'a search-powered field must be a plain string/number',
            'drop list/dict/children and use type string',
          );
        }
      }
      // D011: help text that only repeats the label.
      if (
        f.helpText &&
        f.label &&
        f.helpText.trim().replace(/\.$/, '').toLowerCase() === f.label.trim().toLowerCase()
      ) {
        add('D011', where, 'help text repeats the label', 'say where the value comes from or what it does');
      }
    }

    // D016 / D017 / D006: hooks need subscribe/unsubscribe and a polling fallback.
    if (kind === 'triggers' && op.type === 'hook') {
      if (!op.performSubscribe || !op.performUnsubscribe) {
        add(
          'D017',
          base,
          'a hook trigger without performSubscribe/performUnsubscribe (a static webhook)',
          'add REST hook subscribe and unsubscribe',
        );
      }
      if (!op.performList)
        add('D006', base, 'a hook trigger without performList', 'add a performList returning the same shape');
    }
  }

  // D015: search-or-create pairs reference real operations.
  for (const [key, sc] of Object.entries(def.searchOrCreates ?? {})) {
    if (!searchKeys.has(sc.search))
      add('D015', `searchOrCreates.${key}`, `search "${sc.search}" does not exist`, 'reference an existing search');
    if (!createKeys.has(sc.create))
      add('D015', `searchOrCreates.${key}`, `create "${sc.create}" does not exist`, 'reference an existing create');
    if (sc.update && !createKeys.has(sc.update))
      add('D015', `searchOrCreates.${key}`, `update "${sc.update}" does not exist`, 'reference an existing create');
  }

  // D016: an app that is only a static webhook.
  const hooks = Object.values(def.triggers ?? {}).filter((t) => t.operation?.type === 'hook');
  if (
    hooks.length > 0 &&
    hooks.length === triggerKeys.size &&
    searchKeys.size + createKeys.size === 0 &&
    hooks.every((h) => !h.operation.performSubscribe)
  ) {
    add(
      'D016',
      'triggers',
      'the integration is only a static webhook',
      'add REST hooks or polling triggers and actions',
    );
  }

  // D007 / D008 / D025: URLs and links in every string of the definition.
  for (const { path, value } of strings(def, '')) {
    if (/^\$func\$/.test(value)) continue;
    if (/\bjavascript:|\bdata:text\/html|\bvbscript:/i.test(value)) {
      add('D025', path, 'a dangerous URI scheme', 'link only to https:// URLs');
    }
    const withoutCode = value.replace(/`[^`]*`/g, '');
    if (/http:\/\/(?!localhost|127\.0\.0\.1)/.test(withoutCode))
      add('D007', path, 'a plain http:// URL', 'use https://');
    if (/(displaydescription|helptext|description)$/i.test(path.replace(/\./g, ''))) {
      const withoutLinks = withoutCode.replace(/\[[^\]]*\]\([^)]*\)/g, '');
      if (/https?:\/\/\S+/.test(withoutLinks)) {
        add('D008', path, 'a bare URL in text', 'write it as [text](https://…) or in backticks');
      }
      for (const m of withoutCode.matchAll(/\[[^\]]*\]\(([^)]*)\)/g)) {
        if (!/^https:\/\/[^\s]+$/.test(m[1]!))
          add('D008', path, `the link target "${m[1]}" is not a valid https URL`, 'fix the markdown link');
      }
    }
  }

  // D027: the newest core.
  if (def.platformVersion && def.platformVersion !== options.latestCoreVersion) {
    add(
      'D027',
      'platformVersion',
      `built on core ${def.platformVersion}, newest is ${options.latestCoreVersion}`,
      'upgrade zapier-platform-core',
    );
  }

  // D028: cleanInputData left at its default (true).
  if (def.flags?.cleanInputData !== false) {
    add(
      'D028',
      'flags.cleanInputData',
      'cleanInputData is true (the default)',
      'set flags.cleanInputData to false and handle empty values (or waive)',
    );
  }

  return findings;
};

import type { Action, Definition, Field, FieldItem } from './definition';
import type { Finding } from './checks';

/**
 * What a Zap builder meets in the editor, beyond Zapier's own integration checks (issue 18): pick
 * records from dropdowns linked to their search, map bare values, read descriptions that describe
 * the step rather than the app.
 */
export interface EditorOptions {
  /** The app's name as users know it ("NetHunt"); operation descriptions must not repeat it. */
  appName: string;
}

type Kind = 'triggers' | 'searches' | 'creates';
const KINDS: Kind[] = ['triggers', 'searches', 'creates'];

const fieldsOf = (items: FieldItem[] | undefined): Field[] =>
  (items ?? []).filter((i): i is Field => typeof i !== 'string').flatMap((f) => [f, ...(f.children ?? [])]);

/** A label (or, unlabelled, a key) that asks for an id: "Record ID", "Contact IDs", `contact_id`. */
const ASKS_FOR_ID = /(\b|_)ids?$/i;
/** A key that holds an id: `id`, `contact_id`, `owner__id`, `recordId`. */
const ID_KEY = /^id$|_id$|Id$/;
/** An address alone: what every value under an e-mail key must be. */
const BARE_EMAIL = /^[^\s<>@]+@[^\s<>@]+$/;
/** Keys that name an e-mail's parts, not the address: `email_domain`, `email_type`, `fields__Email__name`. */
const EMAIL_PART = /(domain|type|name|label|status|count|verified)$/i;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const editorFindings = (def: Definition, options: EditorOptions): Finding[] => {
  const findings: Finding[] = [];
  const add = (check: string, where: string, message: string, fix: string) =>
    findings.push({ check, where, message, fix });
  const operations = KINDS.flatMap((kind) =>
    Object.values(def[kind] ?? {}).map((action) => ({ kind, action: action as Action })),
  );
  const names = new RegExp(`\\b${escape(options.appName)}\\b`, 'i');
  // The visible search for each noun: a dropdown of that noun should link to it.
  const searchFor = new Map<string, string>();
  for (const { kind, action } of operations) {
    if (kind === 'searches' && !action.display.hidden) searchFor.set(action.noun.toLowerCase(), action.key);
  }

  for (const { kind, action } of operations) {
    if (action.display.hidden) continue;
    const base = `${kind}.${action.key}`;
    const { description, label } = action.display;
    if (names.test(description)) {
      add(
        'E-DESC-APP',
        `${base}.display.description`,
        `the description names the app ("${description}")`,
        `say what the step does; the editor already shows ${options.appName}`,
      );
    }
    if (/\(instant\)/i.test(label)) {
      add(
        'E-INSTANT-LABEL',
        `${base}.display.label`,
        `"${label}" says "(Instant)"`,
        'drop it: Zapier shows the Instant badge for hook triggers',
      );
    }

    for (const field of fieldsOf(action.operation.inputFields)) {
      const where = `${base}.inputFields.${field.key}`;
      if (ASKS_FOR_ID.test((field.label ?? field.key).trim()) && !field.dynamic) {
        add(
          'E-ID-INPUT',
          where,
          `"${field.label ?? field.key}" asks the user to paste an id`,
          'offer a dropdown labelled by name (dynamic), or take what the user knows',
        );
      }
      const trigger = field.dynamic ? def.triggers?.[field.dynamic.split('.')[0]!] : undefined;
      const search = trigger ? searchFor.get(trigger.noun.toLowerCase()) : undefined;
      // A list field cannot carry a search link (Zapier's D014), so only single pickers are checked.
      if (search && search !== action.key && !field.search && !field.list) {
        add(
          'E-SEARCH-LINK',
          where,
          `a ${trigger!.noun} dropdown without the link to ${search}`,
          `add search: '${search}.id'`,
        );
      }
    }

    const sample = action.operation.sample ?? {};
    for (const [key, value] of Object.entries(sample)) {
      const values = Array.isArray(value) ? value : [value];
      const address = /email/i.test(key) && !EMAIL_PART.test(key);
      if (address && values.some((v) => typeof v === 'string' && v !== '' && !BARE_EMAIL.test(v))) {
        add(
          'E-EMAIL-BARE',
          `${base}.operation.sample.${key}`,
          `${JSON.stringify(value)} is not a bare e-mail address`,
          'output the address alone, and the name in its own key',
        );
      }
    }
    const ids = Object.entries(sample).filter(
      ([key, value]) => ID_KEY.test(key) && (typeof value === 'number' || (typeof value === 'string' && value !== '')),
    );
    for (const [i, [key, value]] of ids.entries()) {
      const twin = ids.slice(0, i).find(([, other]) => other === value);
      if (twin) {
        add(
          'E-DUP-ID',
          `${base}.operation.sample.${key}`,
          `"${key}" repeats "${twin[0]}" (${JSON.stringify(value)})`,
          'output one id per object',
        );
      }
    }
  }
  return findings;
};

import type { Definition } from './definition';

export interface IntegrationRow {
  name: string;
  folder: string;
  auth: string;
  def: Definition;
}

const labels = (def: Definition, kind: 'triggers' | 'searches' | 'creates'): string =>
  Object.values(def[kind] ?? {})
    .filter((a) => !a.display?.hidden)
    .map((a) => a.display.label)
    .join(', ') || '—';

const findOrCreate = (def: Definition): string =>
  Object.values(def.searchOrCreates ?? {})
    .map(
      (s) =>
        `${(s.display as { label?: string } | undefined)?.label ?? s.key}${s.update ? ' (updates when found)' : ''}`,
    )
    .join(', ') || '—';

/** The README's table of integrations × operations, generated from the app definitions. */
export const operationsTable = (rows: IntegrationRow[]): string =>
  [
    '| integration | auth | triggers | searches | creates | find or create |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| [${r.name}](${r.folder}) | ${r.auth} | ${labels(r.def, 'triggers')} | ${labels(r.def, 'searches')} | ${labels(r.def, 'creates')} | ${findOrCreate(r.def)} |`,
    ),
  ].join('\n');

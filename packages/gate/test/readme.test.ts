import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import apideck from 'apideck-crm';
import lunarsend from 'lunarsend';
import nethunt from 'nethunt-crm';
import nimble from 'nimble';
import { definitionOf, operationsTable } from '../src';

/** The README's operations table is generated from the apps, so it can never drift from them. */
const README_ROWS = () => [
  { name: 'NetHunt CRM', folder: 'integrations/nethunt', auth: 'Basic (email + API key)', def: definitionOf(nethunt) },
  { name: 'LunarSend', folder: 'integrations/lunarsend', auth: 'API key header', def: definitionOf(lunarsend) },
  { name: 'Nimble', folder: 'integrations/nimble', auth: 'OAuth2 (code + refresh)', def: definitionOf(nimble) },
  {
    name: 'Apideck CRM',
    folder: 'integrations/apideck',
    auth: 'API key + app id + consumer id (+ service id)',
    def: definitionOf(apideck),
  },
];

it('README lists every visible operation of every integration', () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const table = operationsTable(README_ROWS());
  if (process.env.PRINT_README_TABLE) process.stdout.write(`${table}\n`);
  expect(readme).toContain(table);
});

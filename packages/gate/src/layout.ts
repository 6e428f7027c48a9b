import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Finding } from './checks';

/** The rooms every integration has (DESIGN.md, "Layout"), each with one job. */
const ROOMS = [
  'index.ts',
  'README.md',
  'src/client.ts',
  'src/schemas.ts',
  'src/inputs.ts',
  'src/map.ts',
  'src/errors.ts',
];
const AUTH_MODULES = ['basic.ts', 'apiKey.ts', 'oauth2.ts'];
const OPERATION_DIRS = ['triggers', 'searches', 'creates'];

/** Helpers the kit holds: an integration that writes its own copy duplicates it. */
const KIT_HELPERS = /\bconst (asRecord|nonBlank|clip|sinceFor|booleanText)\s*=/;

const tsFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      )
    : [];

/**
 * LAYOUT: the integration in `folder` has the template's rooms, an authentication module with its
 * own beforeRequest, a test file named after each operation file, plain zod (no lazy schemas), and
 * no private copy of a kit helper.
 */
export const layoutFindings = (folder: string): Finding[] => {
  const findings: Finding[] = [];
  const add = (where: string, message: string, fix: string) => findings.push({ check: 'LAYOUT', where, message, fix });

  for (const room of ROOMS)
    if (!existsSync(join(folder, room)))
      add(room, `${room} is missing`, 'give the integration every room of the template');

  const auth = AUTH_MODULES.filter((m) => existsSync(join(folder, 'authentication', m)));
  if (auth.length !== 1)
    add(
      'authentication/',
      `expected one of ${AUTH_MODULES.join(', ')}, found ${auth.length}`,
      'one auth module per app',
    );
  else if (!/\bbeforeRequest\b/.test(readFileSync(join(folder, 'authentication', auth[0]!), 'utf8')))
    add(`authentication/${auth[0]}`, 'has no beforeRequest', 'the auth module adds its own headers');

  for (const dir of OPERATION_DIRS) {
    for (const file of tsFiles(join(folder, dir))) {
      const test = `test/${basename(file, '.ts')}.test.ts`;
      if (!existsSync(join(folder, test)))
        add(file.slice(folder.length + 1), `no ${test}`, 'one test file per operation, named after it');
    }
  }

  const source = [
    join(folder, 'index.ts'),
    ...['authentication', 'src', ...OPERATION_DIRS].flatMap((d) => tsFiles(join(folder, d))),
  ];
  for (const file of source.filter(existsSync)) {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(folder.length + 1);
    if (/\blazySchema\b|\bschemaOf\b/.test(text)) add(where, 'builds schemas lazily', 'plain zod');
    const copy = KIT_HELPERS.exec(text);
    if (copy) add(where, `defines its own ${copy[1]}`, `use the kit's ${copy[1]}`);
  }
  return findings;
};

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { layoutFindings } from '../src';

/** An integration folder with every room; each test breaks one thing. */
const GOOD: Record<string, string> = {
  'index.ts': 'export default app;',
  'README.md': '# App',
  'authentication/apiKey.ts': 'export const beforeRequest = (request) => request;',
  'src/client.ts': '',
  'src/schemas.ts': "import { z } from 'zod';",
  'src/inputs.ts': '',
  'src/map.ts': '',
  'src/errors.ts': '',
  'creates/createThing.ts': '',
  'test/createThing.test.ts': '',
};

let folder = '';
const make = (files: Record<string, string | undefined>) => {
  folder = mkdtempSync(join(tmpdir(), 'layout-'));
  for (const [path, text] of Object.entries({ ...GOOD, ...files })) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return layoutFindings(folder).map((f) => `${f.where}: ${f.message}`);
};
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('the template check (LAYOUT)', () => {
  it('finds nothing in a folder with every room', () => {
    expect(make({})).toEqual([]);
  });

  it.each([
    ['src/inputs.ts: src/inputs.ts is missing', { 'src/inputs.ts': undefined }],
    ['README.md: README.md is missing', { 'README.md': undefined }],
    ['authentication/apiKey.ts: has no beforeRequest', { 'authentication/apiKey.ts': 'export default {};' }],
    [
      'authentication/: expected one of basic.ts, apiKey.ts, oauth2.ts, found 2',
      { 'authentication/basic.ts': 'beforeRequest' },
    ],
    ['creates/createThing.ts: no test/createThing.test.ts', { 'test/createThing.test.ts': undefined }],
    ['src/map.ts: builds schemas lazily', { 'src/map.ts': 'const Thing = lazySchema((z) => z.object({}));' }],
    ['src/map.ts: defines its own nonBlank', { 'src/map.ts': 'const nonBlank = (v) => v;' }],
  ])('reports %s', (finding, files) => {
    expect(make(files)).toEqual([finding]);
  });
});

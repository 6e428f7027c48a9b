import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listReadableFolders from '../triggers/listReadableFolders';
import { BASE, FOLDER, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/readable-folder`;

describe('List Readable Folders (GET /triggers/readable-folder)', () => {
  it('lists the folders as they come', async () => {
    api()
      .get(path)
      .query({})
      .reply(200, [{ id: FOLDER, name: 'Contacts' }]);
    const out = await run.trigger(listReadableFolders, {});
    expect(out).toEqual([{ id: FOLDER, name: 'Contacts' }]);
    expectSampleKeys(listReadableFolders, out[0] ?? {});
  });

  it("reads a plain-text body on a success status as NetHunt's message, not as data", async () => {
    api().get(path).reply(200, 'Access to this folder is denied', TEXT);
    const err = await failureOf(run.trigger(listReadableFolders, {}));
    expect(err.message).toBe('NetHunt CRM refused the request: Access to this folder is denied');
  });

  it("shows NetHunt's message for a 403", async () => {
    api().get(path).reply(403, { message: 'No access' });
    const err = await failureOf(run.trigger(listReadableFolders, {}));
    expect(err.message).toMatch(/^NetHunt CRM refused access: No access\./);
  });

  it('reports folders without a name as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ id: FOLDER }]);
    const err = await failureOf(run.trigger(listReadableFolders, {}));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].name is missing.');
  });

  it('still reports broken JSON on a success status as a broken answer', async () => {
    api().get(path).reply(200, '[{"id": "a', { 'Content-Type': 'application/json' });
    const err = await failureOf(run.trigger(listReadableFolders, {}));
    expect(err.message).toMatch(/^NetHunt CRM sent an answer that is not JSON \(application\/json\)/);
  });
});

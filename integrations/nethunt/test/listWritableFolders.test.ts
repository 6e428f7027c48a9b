import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listWritableFolders from '../triggers/listWritableFolders';
import { BASE, FOLDER, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/writable-folder`;

describe('List Writable Folders (GET /triggers/writable-folder)', () => {
  it('lists the folders records can be created in', async () => {
    api()
      .get(path)
      .query({})
      .reply(200, [{ id: FOLDER, name: 'Contacts' }]);
    const out = await run.trigger(listWritableFolders, {});
    expect(out).toEqual([{ id: FOLDER, name: 'Contacts' }]);
    expectSampleKeys(listWritableFolders, out[0] ?? {});
  });

  it("shows NetHunt's message for a 400", async () => {
    api().get(path).reply(400, { message: 'Bad request' });
    const err = await failureOf(run.trigger(listWritableFolders, {}));
    expect(err.message).toBe('NetHunt CRM rejected the request: Bad request');
  });

  it('reports folders without an id as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ name: 'Contacts' }]);
    const err = await failureOf(run.trigger(listWritableFolders, {}));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].id is missing.');
  });
});

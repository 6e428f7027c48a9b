import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import listFolderFields from '../triggers/listFolderFields';
import { BASE, FOLDER, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/folder-field/${FOLDER}`;

describe('List Folder Fields (GET /triggers/folder-field/{folderId})', () => {
  it("lists the folder's fields by name, extra keys left out", async () => {
    api()
      .get(path)
      .query({})
      .reply(200, [{ name: 'Name' }, { name: 'Stage', fieldType: 'LIST' }]);
    const out = await run.trigger(listFolderFields, { folder_id: FOLDER });
    expect(out).toEqual([
      { id: 'Name', name: 'Name' },
      { id: 'Stage', name: 'Stage' },
    ]);
    expectSampleKeys(listFolderFields, out[0] ?? {});
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, { message: 'Folder not found' });
    const err = await failureOf(run.trigger(listFolderFields, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports fields without a name as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ fieldId: 'f1' }]);
    const err = await failureOf(run.trigger(listFolderFields, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].name is missing.');
  });

  it('refuses a dot folder before any request', async () => {
    const err = await failureOf(run.trigger(listFolderFields, { folder_id: '.' }));
    expect(err.message).toMatch(/^Folder/);
    expectNothingSent();
  });
});

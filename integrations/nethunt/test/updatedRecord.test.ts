import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updatedRecord from '../triggers/updatedRecord';
import { RECORD } from '../src/samples';
import { BASE, FOLDER, RECORD_ID, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/updated-record/${FOLDER}`;

describe('Updated Record (GET /triggers/updated-record/{folderId})', () => {
  it('sends each chosen field as a repeated fieldName and ids each update by its record and time, newest first', async () => {
    api()
      .get(path)
      .query({ fieldName: ['Primary Email Address', 'Other Email Addresses'] })
      .reply(200, [
        { ...RECORD, id: 'x-1', updatedAt: '2015-02-01T12:30:10.510Z', fields: { Name: 'John Doe' } },
        { ...RECORD, id: 'a1', recordId: 'a1', updatedAt: '2024-02-01T00:00:00.000Z', fields: {} },
      ]);
    const out = await run.trigger(updatedRecord, {
      folder_id: FOLDER,
      field_names: ['Primary Email Address', ' ', 'Other Email Addresses'],
    });
    expect(out).toEqual([
      {
        id: `a1-${Date.parse('2024-02-01T00:00:00.000Z')}`,
        record_id: 'a1',
        name: null,
        url: null,
        created_at: RECORD.createdAt,
        updated_at: '2024-02-01T00:00:00.000Z',
      },
      {
        id: `${RECORD_ID}-1422793810510`,
        record_id: RECORD_ID,
        name: 'John Doe',
        url: null,
        created_at: RECORD.createdAt,
        updated_at: '2015-02-01T12:30:10.510Z',
        fields__Name: 'John Doe',
      },
    ]);
    expectSampleKeys(updatedRecord, out[0] ?? {});
  });

  it("offers the field filter as a dropdown of the folder's fields", () => {
    expect(updatedRecord.operation.inputFields?.[1]).toEqual(
      expect.objectContaining({
        key: 'field_names',
        label: 'Only When These Fields Change',
        list: true,
        dynamic: 'list_folder_fields.id.name',
      }),
    );
  });

  it('sends no fieldName when no field is chosen', async () => {
    api().get(path).query({}).reply(200, []);
    await expect(run.trigger(updatedRecord, { folder_id: FOLDER, field_names: [] })).resolves.toEqual([]);
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, { message: 'Folder not found' });
    const err = await failureOf(run.trigger(updatedRecord, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('reports records without their id as a broken answer', async () => {
    api()
      .get(path)
      .reply(200, [{ ...RECORD, recordId: undefined }]);
    const err = await failureOf(run.trigger(updatedRecord, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].recordId is missing.');
  });

  it('refuses a dot folder before any request', async () => {
    const err = await failureOf(run.trigger(updatedRecord, { folder_id: '.' }));
    expect(err.message).toMatch(/^Folder/);
    expectNothingSent();
  });
});

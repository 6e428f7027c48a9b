import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import newDriveFile from '../triggers/newDriveFile';
import { BASE, FOLDER, RECORD_ID, TEXT, api, expectSampleKeys, run } from './helpers';

useNock();

const path = `${BASE}/triggers/new-gdrivefile/${FOLDER}`;

describe('New File (GET /triggers/new-gdrivefile/{folderId}, answer undocumented)', () => {
  it('outputs name, link and record of each Google Drive file, newest first, every key kept', async () => {
    api()
      .get(path)
      .query({})
      .reply(200, [
        {
          id: 'f1',
          recordId: RECORD_ID,
          createdAt: '2024-01-01T10:00:00.000Z',
          name: 'Proposal.pdf',
          url: 'https://drive.google.com/file/d/abc/view',
        },
        {
          id: 'f2',
          recordId: RECORD_ID,
          createdAt: '2024-01-02T10:00:00.000Z',
          fileName: 'Contract.docx',
          webViewLink: 'https://docs.google.com/document/d/def/edit',
          mimeType: 'application/vnd.google-apps.document',
        },
      ]);
    const out = await run.trigger(newDriveFile, { folder_id: FOLDER });
    expect(out).toEqual([
      {
        id: 'f2',
        record_id: RECORD_ID,
        created_at: '2024-01-02T10:00:00.000Z',
        name: 'Contract.docx',
        link: 'https://docs.google.com/document/d/def/edit',
        file_name: 'Contract.docx',
        web_view_link: 'https://docs.google.com/document/d/def/edit',
        mime_type: 'application/vnd.google-apps.document',
      },
      {
        id: 'f1',
        record_id: RECORD_ID,
        created_at: '2024-01-01T10:00:00.000Z',
        name: 'Proposal.pdf',
        link: 'https://drive.google.com/file/d/abc/view',
        url: 'https://drive.google.com/file/d/abc/view',
      },
    ]);
    expectSampleKeys(newDriveFile, out[0] ?? {});
  });

  it('hands on the link as text and never fetches it: no credential goes to Google', async () => {
    const google = nock('https://drive.google.com').get(/.*/).reply(200, 'file');
    api()
      .get(path)
      .reply(200, [{ id: 'f1', recordId: RECORD_ID, name: 'a.pdf', url: 'https://drive.google.com/file/d/abc/view' }]);
    await expect(run.trigger(newDriveFile, { folder_id: FOLDER })).resolves.toEqual([
      expect.objectContaining({ link: 'https://drive.google.com/file/d/abc/view' }),
    ]);
    expect(google.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('names the folder NetHunt does not know', async () => {
    api().get(path).reply(404, 'Folder not found', TEXT);
    const err = await failureOf(run.trigger(newDriveFile, { folder_id: FOLDER }));
    expect(err.message).toBe(`NetHunt CRM could not find folder ${FOLDER}: Folder not found`);
  });

  it('refuses an answer whose items name no record', async () => {
    api()
      .get(path)
      .reply(200, [{ id: 'f1', name: 'a.pdf' }]);
    const err = await failureOf(run.trigger(newDriveFile, { folder_id: FOLDER }));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].recordId is missing.');
  });

  it('refuses a missing folder before any request', async () => {
    const err = await failureOf(run.trigger(newDriveFile, {}));
    expect(err.message).toBe('Folder is missing.');
    expectNothingSent();
  });
});

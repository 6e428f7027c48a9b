import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import { BASE, FOLDER, RECORD_ID, api, bundle, run } from './helpers';
import App from '../index';

useNock();

/** nethunt.md, "Endpoints" and "Request bodies and answers of the added endpoints". */
describe('nethunt.md › Endpoints: Delete Record (POST /actions/delete-record/{recordId}, no body)', () => {
  it('posts an empty JSON body and outputs the record and the trash item', async () => {
    api()
      .post(`${BASE}/actions/delete-record/${RECORD_ID}`, {})
      .query({})
      .matchHeader('content-type', 'application/json')
      .reply(200, { trashItemId: { timestamp: 1500466763 }, extra: 'kept' });
    const out = await run('creates.delete_record.operation.perform', bundle({ record_id: RECORD_ID }));
    expect(out).toEqual({
      id: RECORD_ID,
      record_id: RECORD_ID,
      deleted: true,
      trash_item_id: '{"timestamp":1500466763}',
      trash_item_id__timestamp: 1500466763,
      extra: 'kept',
    });
  });

  it('says it is destructive, asks for the record id, and takes no lock', () => {
    const def = App.creates.delete_record;
    expect(def.display.description).toMatch(/^Deletes a record .*Destructive/);
    expect(def.operation.inputFields).toEqual([expect.objectContaining({ key: 'record_id', required: true })]);
    expect(def.operation).not.toHaveProperty('lock');
  });

  it('reads any 2xx JSON object as deleted, the trash item being optional (nethunt.md, delete record)', async () => {
    api().post(`${BASE}/actions/delete-record/${RECORD_ID}`).reply(200, {});
    const output = await run('creates.delete_record.operation.perform', bundle({ record_id: RECORD_ID }));
    expect(output).toEqual({ id: RECORD_ID, record_id: RECORD_ID, deleted: true, trash_item_id: null });
  });

  it('names the record NetHunt does not know', async () => {
    api()
      .post(`${BASE}/actions/delete-record/${RECORD_ID}`)
      .reply(404, 'Record not found', { 'Content-Type': 'text/plain' });
    const err = await failureOf(run('creates.delete_record.operation.perform', bundle({ record_id: RECORD_ID })));
    expect(err.message).toBe(`NetHunt CRM could not find record ${RECORD_ID}: Record not found`);
  });
});

describe('nethunt.md › Endpoints: Add Gmail Thread to Record (POST /actions/link-gmail-thread/{recordId})', () => {
  const link = (gmail_thread: unknown) =>
    run('creates.link_gmail_thread.operation.perform', bundle({ record_id: RECORD_ID, gmail_thread }));

  it.each([
    ['a thread id', '1234567890abcdef', '1234567890abcdef'],
    ['a Gmail URL', 'https://mail.google.com/mail/u/0/#inbox/17c0a5f4e3d2b1a0', '17c0a5f4e3d2b1a0'],
    [
      'a Gmail URL under a label',
      'https://mail.google.com/mail/u/1/#label/Clients%2FVIP/17c0a5f4e3d2b1a0',
      '17c0a5f4e3d2b1a0',
    ],
    ['an old Gmail URL with ?th=', 'https://mail.google.com/mail/u/0/?ui=2&th=17c0a5f4e3d2b1a0', '17c0a5f4e3d2b1a0'],
    [
      'a thread-f URL (decimal id)',
      'https://mail.google.com/mail/u/0/#inbox/thread-f:1711550329613627808',
      '17c0a5f4e3d2b1a0',
    ],
  ])('takes %s and sends the thread id', async (_what, given, sent) => {
    api().post(`${BASE}/actions/link-gmail-thread/${RECORD_ID}`, { gmailThreadId: sent }).reply(200, {});
    await expect(link(given)).resolves.toEqual({ id: RECORD_ID, record_id: RECORD_ID, gmail_thread_id: sent });
  });

  it('outputs whatever the (undocumented) answer holds', async () => {
    api()
      .post(`${BASE}/actions/link-gmail-thread/${RECORD_ID}`, { gmailThreadId: '1234567890abcdef' })
      .reply(200, { linkedAt: '2024-05-01T10:00:00.000Z', thread: { subject: 'Hello' } });
    await expect(link('1234567890abcdef')).resolves.toEqual({
      id: RECORD_ID,
      record_id: RECORD_ID,
      gmail_thread_id: '1234567890abcdef',
      linked_at: '2024-05-01T10:00:00.000Z',
      thread__subject: 'Hello',
    });
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://example.com/#inbox/17c0a5f4e3d2b1a0',
    'thread 17c0',
    '..',
  ])('refuses %j before any request, naming the field', async (given) => {
    const err = await failureOf(link(given));
    expect(err.message).toBe(
      'Please check your input: Gmail Thread (gmail_thread): must be a Gmail thread ID (like 1234567890abcdef) or the address of a thread opened in Gmail.',
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("shows NetHunt's error for a thread that does not exist", async () => {
    api()
      .post(`${BASE}/actions/link-gmail-thread/${RECORD_ID}`)
      .reply(400, 'Gmail thread not found', { 'Content-Type': 'text/plain' });
    const err = await failureOf(link('1234567890abcdef'));
    expect(err.message).toBe('NetHunt CRM rejected the request (HTTP 400): Gmail thread not found');
  });
});

describe('nethunt.md › Endpoints: New Call Log (GET /triggers/new-call-log/{folderId})', () => {
  const older = { id: 'l1', callLogId: 'l1', recordId: RECORD_ID, createdAt: '2024-01-01T10:00:00.000Z', text: 'A' };
  const newer = {
    id: 'l2',
    callLogId: 'l2',
    recordId: RECORD_ID,
    createdAt: '2024-01-02T10:00:00.000Z',
    text: 'B',
    time: '2024-01-02T09:50:00.000Z',
    duration: 2.5,
    direction: 'OUTGOING',
  };

  it('polls once with no limit, newest first, one id per call log, unknown keys kept', async () => {
    api().get(`${BASE}/triggers/new-call-log/${FOLDER}`).query({}).reply(200, [older, newer, older]);
    const out = (await run('triggers.new_call_log.operation.perform', bundle({ folder_id: FOLDER }))) as Record<
      string,
      unknown
    >[];
    expect(out).toEqual([
      {
        id: 'l2',
        call_log_id: 'l2',
        record_id: RECORD_ID,
        created_at: '2024-01-02T10:00:00.000Z',
        text: 'B',
        time: '2024-01-02T09:50:00.000Z',
        duration: 2.5,
        direction: 'OUTGOING',
      },
      {
        id: 'l1',
        call_log_id: 'l1',
        record_id: RECORD_ID,
        created_at: '2024-01-01T10:00:00.000Z',
        text: 'A',
        time: null,
        duration: null,
      },
    ]);
  });

  it('gives an item without an id a stable id of its own: its record id and a hash of the item', async () => {
    const anonymous = { recordId: RECORD_ID, createdAt: '2024-01-01T10:00:00.000Z', text: 'No id' };
    api().get(`${BASE}/triggers/new-call-log/${FOLDER}`).times(2).reply(200, [anonymous]);
    const first = (await run('triggers.new_call_log.operation.perform', bundle({ folder_id: FOLDER }))) as {
      id: string;
    }[];
    const second = (await run('triggers.new_call_log.operation.perform', bundle({ folder_id: FOLDER }))) as {
      id: string;
    }[];
    expect(first[0]!.id).toMatch(new RegExp(`^${RECORD_ID}-h[0-9a-f]{16}$`));
    expect(second[0]!.id).toBe(first[0]!.id);
  });

  it('refuses an answer whose items name no record', async () => {
    api()
      .get(`${BASE}/triggers/new-call-log/${FOLDER}`)
      .reply(200, [{ id: 'l1' }]);
    const err = await failureOf(run('triggers.new_call_log.operation.perform', bundle({ folder_id: FOLDER })));
    expect(err.message).toBe('NetHunt CRM sent an answer of an unexpected shape: [0].recordId is missing.');
  });
});

describe('nethunt.md › Endpoints: New File (GET /triggers/new-gdrivefile/{folderId})', () => {
  it('outputs name, link and record of each Google Drive file, newest first, every key kept', async () => {
    api()
      .get(`${BASE}/triggers/new-gdrivefile/${FOLDER}`)
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
    const out = await run('triggers.new_file.operation.perform', bundle({ folder_id: FOLDER }));
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
  });

  it('hands on the link as text and never fetches it: no request to Google, so no credential leaves NetHunt', async () => {
    const google = nock('https://drive.google.com').get(/.*/).reply(200, 'file');
    api()
      .get(`${BASE}/triggers/new-gdrivefile/${FOLDER}`)
      .reply(200, [{ id: 'f1', recordId: RECORD_ID, name: 'a.pdf', url: 'https://drive.google.com/file/d/abc/view' }]);
    const [file] = (await run('triggers.new_file.operation.perform', bundle({ folder_id: FOLDER }))) as Record<
      string,
      unknown
    >[];
    expect(file!.link).toBe('https://drive.google.com/file/d/abc/view');
    expect(google.isDone()).toBe(false);
    nock.cleanAll();
  });
});

import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createNote from '../creates/createNote';
import { allowOffContractReplies } from './contract';
import { api, COMPANY_PICKER, errorBody, fieldOf, idBody, run } from './helpers';

useNock();

describe('create_note', () => {
  it('POSTs /crm/notes with the links given and outputs the note flat, as the sample', async () => {
    api()
      .post('/crm/notes', { content: 'Met at the fair', contact_id: '12345', opportunity_id: '34567' })
      .reply(201, idBody('notes', '45678'));
    const out = await run.create(createNote, {
      content: ' Met at the fair ',
      contact_id: '12345',
      opportunity_id: '34567',
      title: '',
    });
    expect(out).toEqual({
      ...Object.fromEntries(Object.keys(createNote.operation.sample ?? {}).map((k) => [k, null])),
      id: '45678',
      content: 'Met at the fair',
      contact_id: '12345',
      opportunity_id: '34567',
    });
  });

  it('a connection error (the consumer has no CRM connected) says to check Vault', async () => {
    api()
      .post('/crm/notes')
      .reply(400, errorBody(400, 'ConnectionNotFoundError', 'No connection found for consumer'));
    const err = await failureOf(run.create(createNote, { content: 'Hi' }));
    expect(err.message).toBe(
      'Apideck has no working CRM connection for consumer consumer-42: No connection found for consumer. Check the Service ID, and reconnect the CRM for this consumer in Apideck Vault',
    );
    expect(err.raw).toContain('ConnectionError');
  });

  it('an answer without data is a clear error', async () => {
    allowOffContractReplies();
    api().post('/crm/notes').reply(201, { status_code: 201, status: 'Created' });
    const err = await failureOf(run.create(createNote, { content: 'Hi' }));
    expect(err.message).toMatch(
      /^Apideck accepted the request but sent an answer of an unexpected shape: data.*, so the change may or may not have been made in Apideck\./,
    );
  });

  it('refuses a blank note, or a contact id that is a path, before any request', async () => {
    const blank = await failureOf(run.create(createNote, { content: '  ' }));
    expect(blank.message).toMatch(/Content: is required/);
    const dots = await failureOf(run.create(createNote, { content: 'Hi', contact_id: '..' }));
    expect(dots.message).toBe('Contact: must be an id, not dots.');
    expectNothingSent();
  });

  it('a 500 after the POST is OutcomeUnknown, and the POST is not sent again', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/notes')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(createNote, { content: 'Hi' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().post('/crm/notes').reply(302, '', { Location: 'https://elsewhere.example/crm/notes' });
    const err = await failureOf(run.create(createNote, { content: 'Hi' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('createNote in the Zap editor', () => {
  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(createNote, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });

  it('Contact is picked by name and email, with a Find Contact step beside it', () => {
    expect(fieldOf(createNote, 'contact_id')).toMatchObject({
      label: 'Contact',
      dynamic: 'list_contacts.id.name',
      search: 'find_contact.id',
    });
  });
});

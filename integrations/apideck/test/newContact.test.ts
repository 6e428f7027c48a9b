import { failureOf, useNock } from '@crm-zapier/kit/testing';
import newContact from '../triggers/newContact';
import { CONTACT } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, bundle, errorBody, listBody, run, runMethod, usersAnswer } from './helpers';

useNock();

const now = Date.parse('2024-05-10T12:00:00.000Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
afterEach(() => jest.restoreAllMocks());

const contact = (id: string, created_at: string | null) => ({ ...CONTACT, id, created_at, updated_at: created_at });

describe('new_contact', () => {
  it('asks for the last 7 days, newest first, 100 at most, and outputs the contacts flat, as the sample', async () => {
    api()
      .get('/crm/contacts')
      .query({
        'filter[created_since]': '2024-05-03T12:00:00.000Z',
        'sort[by]': 'created_at',
        'sort[direction]': 'desc',
        limit: '100',
      })
      .reply(200, listBody('contacts', [CONTACT]));
    // One more request for the whole poll: the user list names the owners.
    usersAnswer();
    const out = await run.trigger(newContact, {});
    expect(out).toEqual([newContact.operation.sample]);
    expect(out[0]).toMatchObject({ owner_id: '54321', owner_name: 'Jordan Rivera' });
  });

  it('a sample load looks back 30 days', async () => {
    api()
      .get('/crm/contacts')
      .query((q) => q['filter[created_since]'] === '2024-04-10T12:00:00.000Z')
      .reply(200, listBody('contacts', []));
    await expect(run.trigger(newContact, {}, { meta: { isLoadingSample: true } })).resolves.toEqual([]);
  });

  it('a connector that refuses the filter gets one plain listing, sorted newest first here', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'created_since is not supported'));
    api()
      .get('/crm/contacts')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('contacts', [
          contact('old', '2024-01-01T00:00:00.000Z'),
          contact('undated', null),
          contact('new', '2024-05-09T00:00:00.000Z'),
        ]),
      );
    const out = await run.trigger(newContact, {});
    expect(out.map((c) => c.id)).toEqual(['new', 'old', 'undated']);
  });

  it("any other 400 is no reason to fall back: one request, and Apideck's text", async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', { invalid: [{ limit: 'too big' }] }));
    const err = await failureOf(run.trigger(newContact, {}));
    expect(err.message).toBe('Apideck rejected the request: Invalid Params — limit too big');
  });

  it('labels custom fields from one plain listing (no filter, sort or limit): name, else description, else id', async () => {
    api()
      .get('/crm/contacts')
      .reply(
        200,
        listBody('contacts', [
          { ...CONTACT, custom_fields: [{ id: '10001', name: 'employee_count', value: 10 }] },
          {
            ...CONTACT,
            id: '2',
            custom_fields: [
              { id: 'described', description: 'Described Only', value: 1 },
              { id: 'bare', value: 2 },
            ],
          },
        ]),
      );
    const fields = (await runMethod(`triggers.${newContact.key}.operation.outputFields`, bundle())) as {
      key: string;
      label: string;
    }[];
    expect(fields.filter((f) => f.key.startsWith('custom_'))).toEqual([
      { key: 'custom_10001', label: 'employee_count' },
      { key: 'custom_described', label: 'Described Only' },
      { key: 'custom_bare', label: 'bare' },
    ]);
    expect(fields).toContainEqual({ key: 'email', label: 'Email' });
  });

  it('a listing for labels that fails gives no labels rather than an error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/contacts')
      .reply(500, errorBody(500, 'UnexpectedError', 'boom'));
    const fields = (await runMethod(`triggers.${newContact.key}.operation.outputFields`, bundle())) as {
      key: string;
    }[];
    expect(fields.filter((f) => f.key.startsWith('custom_'))).toEqual([]);
    expect(fields.length).toBeGreaterThan(10);
  });

  it('an answer that is not a list is a clear error', async () => {
    allowOffContractReplies();
    api().get('/crm/contacts').query(true).reply(200, { data: 'none' });
    const err = await failureOf(run.trigger(newContact, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data: Invalid input: expected array/);
  });
});

describe('newContact in the Zap editor', () => {
  it("says what triggers it, whose records it sees, without the app's name or connector notes", () => {
    expect(newContact.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(newContact.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});

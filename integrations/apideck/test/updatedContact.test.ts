import { failureOf, useNock } from '@crm-zapier/kit/testing';
import updatedContact from '../triggers/updatedContact';
import { CONTACT } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run, usersAnswer } from './helpers';

useNock();

const now = Date.parse('2024-05-10T12:00:00.000Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
afterEach(() => jest.restoreAllMocks());

describe('updated_contact', () => {
  it('asks for updates of the last 7 days, newest first; each update has its own id', async () => {
    api()
      .get('/crm/contacts')
      .query({
        'filter[updated_since]': '2024-05-03T12:00:00.000Z',
        'sort[by]': 'updated_at',
        'sort[direction]': 'desc',
        limit: '100',
      })
      .reply(200, listBody('contacts', [CONTACT]));
    usersAnswer();
    const out = await run.trigger(updatedContact, {});
    expect(out).toEqual([updatedContact.operation.sample]);
    expect(out[0]).toMatchObject({ id: `12345-${Date.parse('2024-06-05T17:42:10.000Z')}`, contact_id: '12345' });
  });

  it('a sort the connector refuses is followed by the plain listing, sorted by update here', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field', 'updated_at'));
    api()
      .get('/crm/contacts')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('contacts', [
          { ...CONTACT, id: 'a', updated_at: '2024-05-01T00:00:00.000Z' },
          { ...CONTACT, id: 'b', updated_at: '2024-05-08T00:00:00.000Z' },
        ]),
      );
    const out = await run.trigger(updatedContact, {});
    expect(out.map((c) => c.contact_id)).toEqual(['b', 'a']);
  });

  it('a plain listing refused too fails the poll with the connector text (one extra request only)', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field'));
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'PaginationNotSupportedError', 'Pagination not supported'));
    const err = await failureOf(run.trigger(updatedContact, {}));
    expect(err.message).toBe(
      'Apideck rejected the request: Pagination not supported. The connected CRM does not support this through Apideck',
    );
  });

  it('a contact whose update time is a number is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(200, listBody('contacts', [{ ...CONTACT, updated_at: 1714000000 }]));
    const err = await failureOf(run.trigger(updatedContact, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.updated_at/);
  });
});

describe('updatedContact in the Zap editor', () => {
  it("says what triggers it, whose records it sees, without the app's name or connector notes", () => {
    expect(updatedContact.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(updatedContact.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});

import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listContacts from '../triggers/listContacts';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('list_contacts', () => {
  it('page 0 is one request, newest first, "Name (primary email)", else either, else the id', async () => {
    // Connectors leave out what the document requires (a name, the emails): the labels fall back.
    allowOffContractReplies();
    api()
      .get('/crm/contacts')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' })
      .reply(
        200,
        listBody(
          'contacts',
          [
            {
              id: 'c1',
              name: 'Elon Musk',
              emails: [
                { email: 'elon@spacex.com', type: 'work' },
                { email: 'elon@musk.com', type: 'primary' },
              ],
            },
            { id: 'c3', first_name: 'Gwynne', last_name: 'Shotwell', emails: [] },
            {
              id: 'c4',
              emails: [
                { email: ' ', type: 'primary' },
                { email: 'kim@x.co', type: 'work' },
              ],
            },
            { id: 'c5' },
          ],
          'bmV4dA==',
        ),
      );
    await expect(run.trigger(listContacts, {})).resolves.toEqual([
      { id: 'c1', name: 'Elon Musk (elon@musk.com)' },
      { id: 'c3', name: 'Gwynne Shotwell' },
      { id: 'c4', name: 'kim@x.co' },
      { id: 'c5', name: 'c5' },
    ]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listContacts, {}));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — cursor is invalid',
    );
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(200, listBody('contacts', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(listContacts, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});

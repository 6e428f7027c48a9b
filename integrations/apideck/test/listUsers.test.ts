import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listUsers from '../triggers/listUsers';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('list_users', () => {
  it('page 0 is one request, labelled by name, then first and last name, then username, then email', async () => {
    // Connectors leave out what the document requires (a name, the emails): the labels fall back.
    allowOffContractReplies();
    api()
      .get('/crm/users')
      .query({ limit: '200' })
      .reply(
        200,
        listBody('users', [
          { id: '0', name: 'John Doe' },
          { id: '1', first_name: 'Elon', last_name: 'Musk', emails: [] },
          { id: '2', username: 'gwynne', emails: [] },
          { id: '3', emails: [{ email: 'x@y.co', type: 'primary' }] },
          { id: '4' },
        ]),
      );
    await expect(run.trigger(listUsers, {})).resolves.toEqual([
      { id: '0', name: 'John Doe' },
      { id: '1', name: 'Elon Musk' },
      { id: '2', name: 'gwynne' },
      { id: '3', name: 'x@y.co' },
      { id: '4', name: '4' },
    ]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/users')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listUsers, {}));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — cursor is invalid',
    );
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/users')
      .query(true)
      .reply(200, listBody('users', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(listUsers, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});

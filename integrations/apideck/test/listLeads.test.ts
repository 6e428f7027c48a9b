import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listLeads from '../triggers/listLeads';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('list_leads', () => {
  it('page 0 is one request, newest first, "Name (Company)", else the name or email, else the id', async () => {
    // Connectors leave out what the document requires (a name, the emails): the labels fall back.
    allowOffContractReplies();
    api()
      .get('/crm/leads')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' })
      .reply(
        200,
        listBody('leads', [
          { id: 'l1', name: 'Elon Musk', company_name: 'Tesla' },
          { id: 'l2', first_name: 'Gwynne', last_name: 'Shotwell' },
          { id: 'l3', emails: [{ email: 'kim@x.co', type: 'work' }], company_name: 'X' },
          { id: 'l4', company_name: 'Y' },
        ]),
      );
    await expect(run.trigger(listLeads, {})).resolves.toEqual([
      { id: 'l1', name: 'Elon Musk (Tesla)' },
      { id: 'l2', name: 'Gwynne Shotwell' },
      { id: 'l3', name: 'kim@x.co (X)' },
      { id: 'l4', name: 'l4' },
    ]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/leads')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listLeads, {}));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — cursor is invalid',
    );
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/leads')
      .query(true)
      .reply(200, listBody('leads', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(listLeads, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});

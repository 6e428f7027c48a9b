import { failureOf, useNock } from '@crm-zapier/kit/testing';
import listDeals from '../triggers/listDeals';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('list_deals', () => {
  it('page 0 is one request, newest first, labelled by title, else the id', async () => {
    api()
      .get('/crm/opportunities')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '200' })
      .reply(
        200,
        listBody('opportunities', [
          { id: 'd2', title: 'New Rocket' },
          { id: 'd1', title: ' ' },
        ]),
      );
    await expect(run.trigger(listDeals, {})).resolves.toEqual([
      { id: 'd2', name: 'New Rocket' },
      { id: 'd1', name: 'd1' },
    ]);
  });

  it("a 4xx is shown with Apideck's text", async () => {
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', 'cursor is invalid'));
    const err = await failureOf(run.trigger(listDeals, {}));
    expect(err.message).toBe(
      'Apideck rejected the request: RequestValidationError: Invalid Params — cursor is invalid',
    );
  });

  it('an item without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(200, listBody('opportunities', [{ name: 'No id' }]));
    const err = await failureOf(run.trigger(listDeals, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});

import { failureOf, useNock } from '@crm-zapier/kit/testing';
import updatedDeal from '../triggers/updatedDeal';
import { OPPORTUNITY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('updated_deal', () => {
  it('lists deals by last update, newest first; each update has its own id', async () => {
    api()
      .get('/crm/opportunities')
      .query({ 'sort[by]': 'updated_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, listBody('opportunities', [OPPORTUNITY]));
    const out = await run.trigger(updatedDeal, {});
    expect(out).toEqual([updatedDeal.operation.sample]);
    expect(out[0]).toMatchObject({ opportunity_id: '34567' });
    expect(out[0]!.id).not.toBe('34567');
  });

  it('a sort the connector refuses is followed by the plain listing, newest update first', async () => {
    const deal = (id: string, updated_at: string) => ({ ...OPPORTUNITY, id, updated_at });
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedSortFieldError', 'Unsupported sort field', 'updated_at'));
    api()
      .get('/crm/opportunities')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('opportunities', [deal('a', '2024-05-01T00:00:00.000Z'), deal('b', '2024-05-08T00:00:00.000Z')]),
      );
    const out = await run.trigger(updatedDeal, {});
    expect(out.map((d) => d.id)).toEqual([
      `b-${Date.parse('2024-05-08T00:00:00.000Z')}`,
      `a-${Date.parse('2024-05-01T00:00:00.000Z')}`,
    ]);
  });

  it("a 404 names what was asked for, with Apideck's text", async () => {
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(404, errorBody(404, 'NotFoundError', 'Unknown Resource', 'opportunities is not available'));
    const err = await failureOf(run.trigger(updatedDeal, {}));
    expect(err.message).toBe(
      'Apideck could not find the item at /crm/opportunities: NotFoundError: Unknown Resource — opportunities is not available',
    );
  });

  it('an answer with no data is a clear error', async () => {
    allowOffContractReplies();
    api().get('/crm/opportunities').query(true).reply(200, { status_code: 200 });
    const err = await failureOf(run.trigger(updatedDeal, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data/);
  });
});

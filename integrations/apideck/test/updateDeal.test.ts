import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateDeal from '../creates/updateDeal';
import { OPPORTUNITY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, idBody, oneBody, run } from './helpers';

useNock();

describe('update_deal', () => {
  it('PATCHes only the stage, reads the deal back and outputs it flat, as the sample', async () => {
    api()
      .patch('/crm/opportunities/34567', { pipeline_stage_id: 'won', close_date: '2024-07-01' })
      .reply(200, idBody('opportunities', '34567', 'update'));
    api()
      .get('/crm/opportunities/34567')
      .reply(200, oneBody('opportunities', { ...OPPORTUNITY, pipeline_stage_id: 'won' }));
    const out = await run.create(updateDeal, {
      opportunity_id: '34567',
      pipeline_stage_id: 'won',
      close_date: '2024-07-01',
    });
    expect(Object.keys(out)).toEqual(Object.keys(updateDeal.operation.sample ?? {}));
    expect(out).toMatchObject({ id: '34567', opportunity_id: '34567', title: 'New Rocket', pipeline_stage_id: 'won' });
  });

  it("shows Apideck's 422 with the connector's message and the field it names", async () => {
    api()
      .patch('/crm/opportunities/34567')
      .reply(
        422,
        errorBody(422, 'ConnectorExecutionError', 'Unprocessable request', {
          field: 'pipeline_stage_id',
          message: 'Stage does not exist',
        }),
      );
    const err = await failureOf(run.create(updateDeal, { opportunity_id: '34567', pipeline_stage_id: 'nope' }));
    expect(err.message).toBe(
      'Apideck rejected the request: ConnectorExecutionError: Unprocessable request — Stage does not exist (pipeline_stage_id)',
    );
  });

  it('a read-back whose amount is text is a clear error', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/opportunities/34567')
      .reply(200, idBody('opportunities', '34567', 'update'));
    api()
      .get('/crm/opportunities/34567')
      .reply(200, oneBody('opportunities', { ...OPPORTUNITY, monetary_amount: 'lots' }));
    const err = await failureOf(run.create(updateDeal, { opportunity_id: '34567', status: 'Open' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\.monetary_amount/);
  });

  it('refuses an update that changes nothing, or a date that is none, before any request', async () => {
    const nothing = await failureOf(run.create(updateDeal, { opportunity_id: '34567' }));
    expect(nothing.message).toMatch(/Fill in at least one field to change/);
    const date = await failureOf(run.create(updateDeal, { opportunity_id: '34567', close_date: 'soon' }));
    expect(date.message).toMatch(/must be a date/);
    expectNothingSent();
  });

  it('a 500 after the PATCH is OutcomeUnknown, and the PATCH is not sent again', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/opportunities/34567')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(updateDeal, { opportunity_id: '34567', status: 'Open' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: UnexpectedError: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api()
      .patch('/crm/opportunities/34567')
      .reply(302, '', { Location: 'https://elsewhere.example/crm/opportunities/34567' });
    const err = await failureOf(run.create(updateDeal, { opportunity_id: '34567', status: 'Open' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

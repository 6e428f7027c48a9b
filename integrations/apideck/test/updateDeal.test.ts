import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import updateDeal from '../creates/updateDeal';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { allowOffContractReplies } from './contract';
import {
  api,
  bundle,
  COMPANY_PICKER,
  errorBody,
  fieldOf,
  idBody,
  itShowsCustomFieldInputs,
  listBody,
  oneBody,
  run,
  runMethod,
} from './helpers';

useNock();

describe('update_deal', () => {
  it('PATCHes only the stage, reads the deal back and outputs it flat, as the sample', async () => {
    api()
      .patch('/crm/opportunities/34567', { pipeline_stage_id: 'closedwon', close_date: '2024-07-01' })
      .reply(200, idBody('opportunities', '34567', 'update'));
    api()
      .get('/crm/opportunities/34567')
      .reply(200, oneBody('opportunities', { ...OPPORTUNITY, pipeline_stage_id: 'closedwon' }));
    // The deal names its pipeline and stage by id: one read of the pipeline list names them.
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));
    const out = await run.create(updateDeal, {
      opportunity_id: '34567',
      pipeline_stage_id: 'closedwon',
      close_date: '2024-07-01',
    });
    expect(Object.keys(out)).toEqual(Object.keys(updateDeal.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '34567',
      pipeline_id: 'default',
      pipeline_name: 'Sales Pipeline',
      pipeline_stage_id: 'closedwon',
      stage_name: 'Closed Won',
    });
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
    // The message names the field by its label already (Stage): no "(pipeline_stage_id)".
    expect(err.message).toBe('Apideck rejected the request: Unprocessable request — Stage does not exist');
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
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
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

describe('updateDeal custom fields', () => {
  itShowsCustomFieldInputs(updateDeal, 'opportunities');

  it('PATCHes only the custom fields filled in (a blank one is left as it is), and outputs the deal read back', async () => {
    const custom_fields = [
      { id: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12', name: 'Region', value: 'APAC' },
      { id: '5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80', name: 'Customer Since', value: '2019-04-01' },
    ];
    api()
      .patch('/crm/opportunities/34567', {
        custom_fields: [{ id: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12', value: 'APAC' }],
      })
      .reply(200, idBody('opportunities', '34567', 'update'));
    api()
      .get('/crm/opportunities/34567')
      .reply(200, oneBody('opportunities', { ...OPPORTUNITY, custom_fields }));
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));
    const out = await runMethod(
      'creates.update_deal.operation.perform',
      bundle({
        opportunity_id: '34567',
        custom_fields__dcf558aac1ae4e8c4f849ba5e668430d8df9be12: 'APAC',
        custom_fields__5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80: '  ',
        other_custom_fields: {},
      }),
    );
    expect(Object.keys(out as object).filter((k) => k.startsWith('custom_'))).toEqual([
      'custom_dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
      'custom_5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80',
    ]);
    expect(out).toMatchObject({
      id: '34567',
      custom_dcf558aac1ae4e8c4f849ba5e668430d8df9be12: 'APAC',
      custom_5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80: '2019-04-01',
    });
  });

  it('an update whose custom fields are all blank changes nothing: refused before any request', async () => {
    const err = await failureOf(
      runMethod(
        'creates.update_deal.operation.perform',
        bundle({
          opportunity_id: '34567',
          custom_fields__dcf558aac1ae4e8c4f849ba5e668430d8df9be12: '',
          other_custom_fields: { Score__c: '' },
        }),
      ),
    );
    expect(err.message).toBe('Deal: Fill in at least one field to change.');
    expectNothingSent();
  });
});

describe('updateDeal in the Zap editor', () => {
  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(updateDeal, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });
});

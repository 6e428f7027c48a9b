import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createDeal from '../creates/createDeal';
import { allowOffContractReplies } from './contract';
import { PIPELINE } from '../src/samples';
import { api, COMPANY_PICKER, errorBody, fieldOf, idBody, listBody, run, itShowsCustomFieldInputs } from './helpers';

useNock();

describe('create_deal', () => {
  it('POSTs /crm/opportunities with primary_contact_id always present and outputs the deal flat, as the sample', async () => {
    api()
      .post('/crm/opportunities', {
        title: 'New Rocket',
        primary_contact_id: null,
        pipeline_id: 'default',
        pipeline_stage_id: 'contractsent',
        monetary_amount: 75000,
        currency: 'USD',
        close_date: '2024-06-30',
        win_probability: 40,
        tags: ['Q3'],
      })
      .reply(201, idBody('opportunities', '34567'));
    // The pipeline and stage the user picked, by name: one read of the pipeline list.
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));
    const out = await run.create(createDeal, {
      title: 'New Rocket',
      pipeline_id: 'default',
      pipeline_stage_id: 'contractsent',
      monetary_amount: 75000,
      currency: 'usd',
      close_date: '2024-06-30T00:00:00+02:00',
      win_probability: 40,
      tags: ['Q3'],
    });
    expect(Object.keys(out)).toEqual(
      Object.keys(createDeal.operation.sample ?? {}).filter((k) => !k.startsWith('custom_')),
    );
    expect(out).toMatchObject({
      id: '34567',
      title: 'New Rocket',
      pipeline_name: 'Sales Pipeline',
      stage_name: 'Contract Sent',
      monetary_amount: 75000,
      currency: 'USD',
      close_date: '2024-06-30',
      primary_contact_id: null,
      tags: ['Q3'],
    });
  });

  it("shows Apideck's 400 with its type, message and the missing field", async () => {
    api()
      .post('/crm/opportunities')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', { missing: [{ title: 'required' }] }));
    const err = await failureOf(run.create(createDeal, { title: 'New Rocket' }));
    expect(err.message).toBe('Apideck rejected the request: Invalid Params — missing title');
  });

  it('an empty answer is a clear error', async () => {
    api().post('/crm/opportunities').reply(201, '');
    const err = await failureOf(run.create(createDeal, { title: 'New Rocket' }));
    expect(err.message).toBe(
      'Apideck accepted the request but sent an empty answer where data was expected, so the change may or may not have been made in Apideck. Check in Apideck before running this step again; Zapier will not retry it on its own.',
    );
  });

  it('refuses a win probability over 100, or a currency that is no ISO code, before any request', async () => {
    const odds = await failureOf(run.create(createDeal, { title: 'New Rocket', win_probability: 150 }));
    expect(odds.message).toMatch(/Win Probability \(%\): must be 100 or less/);
    const currency = await failureOf(run.create(createDeal, { title: 'New Rocket', currency: 'dollars' }));
    expect(currency.message).toMatch(/must be a three-letter currency code/);
    expectNothingSent();
  });

  it('a 500 after the POST is OutcomeUnknown, and the POST is not sent again', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/opportunities')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(createDeal, { title: 'New Rocket' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().post('/crm/opportunities').reply(302, '', { Location: 'https://elsewhere.example/crm/opportunities' });
    const err = await failureOf(run.create(createDeal, { title: 'New Rocket' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('createDeal in the Zap editor', () => {
  itShowsCustomFieldInputs(createDeal, 'opportunities');

  it('Company is picked by name, with a Find Company step beside it', () => {
    expect(fieldOf(createDeal, 'company_id')).toMatchObject({ ...COMPANY_PICKER, required: false });
  });

  it('Primary Contact is picked by name and email, with a Find Contact step beside it', () => {
    expect(fieldOf(createDeal, 'primary_contact_id')).toMatchObject({
      label: 'Primary Contact',
      dynamic: 'list_contacts.id.name',
      search: 'find_contact.id',
    });
  });
});

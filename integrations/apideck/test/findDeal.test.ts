import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import createDeal from '../creates/createDeal';
import createNote from '../creates/createNote';
import logActivity from '../creates/logActivity';
import updateDeal from '../creates/updateDeal';
import findDeal from '../searches/findDeal';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, COMPANY_PICKER, errorBody, fieldOf, listBody, run } from './helpers';

useNock();

const PHASE_TWO = { ...OPPORTUNITY, id: '34568', title: 'Fleet telemetry for 50 aircraft, phase 2' };

describe('find_deal', () => {
  it('sends each input as its documented filter, one page of 10, and puts the exact title first', async () => {
    api()
      .get('/crm/opportunities')
      .query({
        'filter[title]': 'fleet telemetry for 50 AIRCRAFT',
        'filter[company_id]': '23456',
        'filter[primary_contact_id]': '12345',
        limit: '10',
      })
      .reply(200, listBody('opportunities', [PHASE_TWO, OPPORTUNITY]));
    // One more request for both deals: the pipeline list names the pipeline and the stage.
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));
    const out = await run.search(findDeal, {
      title: ' fleet telemetry for 50 AIRCRAFT ',
      company_id: '23456',
      primary_contact_id: '12345',
    });
    expect(out).toEqual([
      findDeal.operation.sample,
      { ...findDeal.operation.sample, id: '34568', title: 'Fleet telemetry for 50 aircraft, phase 2' },
    ]);
    expect(out[0]).toMatchObject({
      id: '34567',
      title: 'Fleet telemetry for 50 aircraft',
      pipeline_name: 'Sales Pipeline',
      stage_name: 'Contract Sent',
      company_name: 'Northwind Aerospace',
    });
  });

  it('a company alone is one filter, and deals without a pipeline cost no pipeline request', async () => {
    const bare = { ...OPPORTUNITY, pipeline_id: null, pipeline_stage_id: null };
    api()
      .get('/crm/opportunities')
      .query({ 'filter[company_id]': '23456', limit: '10' })
      .reply(200, listBody('opportunities', [bare]));
    const out = await run.search(findDeal, { company_id: '23456' });
    expect(out).toEqual([
      {
        ...findDeal.operation.sample,
        pipeline_id: null,
        pipeline_stage_id: null,
        pipeline_name: null,
        stage_name: null,
      },
    ]);
  });

  it('no match is an empty list (Find or Create then creates)', async () => {
    api()
      .get('/crm/opportunities')
      .query({ 'filter[title]': 'Analytical Engine', limit: '10' })
      .reply(200, listBody('opportunities', []));
    await expect(run.search(findDeal, { title: 'Analytical Engine' })).resolves.toEqual([]);
  });

  it('a filter the connector does not support is shown in its words, and nothing is scanned instead', async () => {
    api()
      .get('/crm/opportunities')
      .query({ 'filter[primary_contact_id]': '12345', limit: '10' })
      .reply(
        400,
        errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'primary_contact_id is not supported'),
      );
    const err = await failureOf(run.search(findDeal, { primary_contact_id: '12345' }));
    expect(err.message).toBe(
      'Apideck rejected the request: Unsupported filters — primary_contact_id is not supported. The connected CRM does not support this through Apideck',
    );
  });

  it('a deal whose amount is text is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(200, listBody('opportunities', [{ ...OPPORTUNITY, monetary_amount: 'lots' }]));
    const err = await failureOf(run.search(findDeal, { title: 'Fleet' }));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.monetary_amount/);
  });

  it('refuses a search with nothing to search by, and a blank title, before any request', async () => {
    const none = await failureOf(run.search(findDeal, {}));
    expect(none.message).toMatch(/Enter at least one of Deal Title, Company or Primary Contact/);
    const blank = await failureOf(run.search(findDeal, { title: '   ' }));
    expect(blank.message).toMatch(/Enter at least one of Deal Title, Company or Primary Contact/);
    expectNothingSent();
  });

  it('offers the company and contact pickers with their Find steps', () => {
    expect(fieldOf(findDeal, 'company_id')).toMatchObject(COMPANY_PICKER);
    expect(fieldOf(findDeal, 'primary_contact_id')).toMatchObject({
      label: 'Primary Contact',
      dynamic: 'list_contacts.id.name',
      search: 'find_contact.id',
    });
  });
});

describe('find or create deal', () => {
  it('is keyed by Find Deal and creates with Create Deal (no update: a deal has no unique value)', () => {
    expect(App.searchOrCreates?.find_deal).toEqual({
      key: 'find_deal',
      display: {
        label: 'Find or Create Deal',
        description: expect.stringMatching(/^Finds a deal .*, or creates a deal when none matches\./),
      },
      search: 'find_deal',
      create: createDeal.key,
    });
  });

  it.each([
    ['update_deal', updateDeal],
    ['create_note', createNote],
    ['log_activity', logActivity],
  ])('%s: the deal dropdown links to Find Deal', (_name, op) => {
    expect(fieldOf(op, 'opportunity_id')).toMatchObject({ dynamic: 'list_deals.id.name', search: 'find_deal.id' });
  });
});

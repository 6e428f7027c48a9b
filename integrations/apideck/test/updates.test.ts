import { failureOf, useNock } from '@crm-zapier/kit/testing';
import nock from 'nock';
import App from '../index';
import { COMPANY, OPPORTUNITY } from '../src/samples';
import { api, bundle, idBody, run } from './helpers';

useNock();

const one = (resource: string, data: unknown) => ({
  status_code: 200,
  status: 'OK',
  service: 'pipedrive',
  resource,
  operation: 'one',
  data,
});

describe('update_company', () => {
  it('PATCHes only the fields filled in (no name), then reads the company back (2 requests)', async () => {
    api()
      .patch('/crm/companies/23456', { industry: 'Space', websites: [{ url: 'https://spacex.com', type: 'primary' }] })
      .reply(200, idBody('companies', '23456', 'update'))
      .get('/crm/companies/23456')
      .reply(200, one('companies', { ...COMPANY, industry: 'Space' }));
    const result = (await run(
      'creates.update_company.operation.perform',
      bundle({
        company_id: '23456',
        industry: 'Space',
        website: 'https://spacex.com',
        name: '',
        channel_mode: 'replace',
      }),
    )) as Record<string, unknown>;
    // What the CRM has: fields not sent keep their values.
    expect(result).toMatchObject({ id: '23456', name: 'SpaceX', industry: 'Space', email: 'info@spacex.com' });
    expect(Object.keys(result).sort()).toEqual(Object.keys(App.creates!.update_company!.operation.sample!).sort());
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('names the company when Apideck cannot find it, and reads nothing back', async () => {
    api().patch('/crm/companies/nope').reply(404, {
      status_code: 404,
      error: 'Not Found',
      type_name: 'EntityNotFoundError',
      message: 'Unknown Resource',
    });
    const err = await failureOf(
      run('creates.update_company.operation.perform', bundle({ company_id: 'nope', industry: 'X' })),
    );
    expect(err.message).toBe('Apideck could not find company nope: EntityNotFoundError: Unknown Resource');
  });

  it('rejects an update with nothing to change before any request', async () => {
    const err = await failureOf(run('creates.update_company.operation.perform', bundle({ company_id: '1' })));
    expect(err.message).toMatch(/Fill in at least one field to change/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('update_deal', () => {
  it('moves the deal to a stage with a PATCH of the stage alone, then reads it back (2 requests)', async () => {
    api()
      .patch('/crm/opportunities/34567', {
        pipeline_id: 'default',
        pipeline_stage_id: 'closedwon',
        close_date: '2024-07-01',
      })
      .reply(200, idBody('opportunities', '34567', 'update'))
      .get('/crm/opportunities/34567')
      .reply(200, one('opportunities', { ...OPPORTUNITY, pipeline_stage_id: 'closedwon', close_date: '2024-07-01' }));
    const result = (await run(
      'creates.update_deal.operation.perform',
      bundle({
        opportunity_id: '34567',
        pipeline_id: 'default',
        pipeline_stage_id: 'closedwon',
        close_date: '2024-07-01T10:00:00+02:00',
      }),
    )) as Record<string, unknown>;
    expect(result).toMatchObject({
      id: '34567',
      title: 'New Rocket',
      pipeline_stage_id: 'closedwon',
      close_date: '2024-07-01',
      monetary_amount: 75000,
    });
    expect(Object.keys(result).sort()).toEqual(Object.keys(App.creates!.update_deal!.operation.sample!).sort());
  });

  it('rejects an update with nothing to change, or a probability over 100, before any request', async () => {
    const nothing = await failureOf(run('creates.update_deal.operation.perform', bundle({ opportunity_id: '1' })));
    expect(nothing.message).toMatch(/Fill in at least one field to change/);
    const over = await failureOf(
      run('creates.update_deal.operation.perform', bundle({ opportunity_id: '1', win_probability: 101 })),
    );
    expect(over.message).toMatch(/must be 100 or less/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { DEAL } from '../src/samples';
import newDeal from '../triggers/newDeal';
import {
  FLAT_DEAL,
  STANDARD_FIELDS,
  api,
  listing,
  offContract,
  outputFieldsOf,
  runner,
  staticKeys,
  useEnv,
} from './helpers';

useNock();
useEnv();
const run = runner();

describe('New Deal (new_deal)', () => {
  it('asks for the newest deals with the required sort, one request, id = deal_id', async () => {
    api()
      .get('/api/v2/deals')
      .query({ sort: 'created:desc', limit: '50' })
      .reply(200, listing([DEAL]));
    const out = await run.trigger(newDeal, {});
    expect(out).toEqual([FLAT_DEAL]);
    expect(staticKeys(out[0]!)).toEqual(Object.keys(newDeal.operation.sample ?? {}));
  });

  it('turns the named custom field values into fields__<slug> keys', async () => {
    const custom = [
      { field_name: 'Contract length', values: [{ value: '3 years' }] },
      { field_name: 'Regions', values: [{ value: 'EU' }, { value: 'US' }] },
    ];
    api()
      .get('/api/v2/deals')
      .query(true)
      .reply(200, listing([{ ...DEAL, fields_values_with_names: [...DEAL.fields_values_with_names, ...custom] }]));
    expect(await run.trigger(newDeal, {})).toEqual([
      { ...FLAT_DEAL, fields__contract_length: '3 years', fields__regions: ['EU', 'US'] },
    ]);
  });

  it('asks core to refresh the token on Nimble\'s 403 "Can\'t authenticate request"', async () => {
    api().get('/api/v2/deals').query(true).reply(403, { message: "Can't authenticate request" });
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.name).toBe('RefreshAuthError');
  });

  it('says what is missing from an answer of the wrong shape', async () => {
    offContract()
      .get('/api/v2/deals')
      .query(true)
      .reply(200, { deals: [DEAL] });
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.message).toBe('Nimble sent an answer of an unexpected shape: resources is missing.');
  });

  it("labels the pipelines' custom deal fields, members as a list or as one object", async () => {
    api()
      .get('/api/v2/deals/fields')
      .reply(200, {
        ...STANDARD_FIELDS,
        pipelines_tabs: [
          {
            tab_name: 'Details',
            members: [
              { type: 'field', field: { field_id: 'c1', field_name: 'Contract length' } },
              { type: 'group', fields: [{ type: 'field', field: { field_id: 'c2', field_name: 'Region' } }] },
              { type: 'field', field: { field_id: 'f-name', field_name: 'name' } },
            ],
          },
          { tab_name: 'Other', members: { type: 'field', field: { field_id: 'c3', field_name: 'Région' } } },
        ],
      });
    const fields = await outputFieldsOf('triggers.new_deal');
    expect(fields.filter((f) => f.key.startsWith('fields__'))).toEqual([
      // The field's name as Nimble shows it: the label of its input on Create Deal and Update Deal.
      { key: 'fields__contract_length', label: 'Contract length' },
      { key: 'fields__region', label: 'Region' },
    ]);
  });
});

import { failureOf, useNock } from '@crm-zapier/kit/testing';
import newCompany from '../triggers/newCompany';
import newCompanyInstant from '../triggers/instant/newCompanyInstant';
import { COMPANY } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run, usersAnswer } from './helpers';

useNock();

const now = Date.parse('2024-05-10T12:00:00.000Z');
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now));
afterEach(() => jest.restoreAllMocks());

const company = (id: string, created_at: string | null) => ({
  ...COMPANY,
  id,
  owner_id: null,
  created_at,
  updated_at: created_at,
});

describe('new_company', () => {
  it('asks for the last 7 days, newest first, 100 at most, and outputs the companies flat, as the sample', async () => {
    api()
      .get('/crm/companies')
      .query({
        'filter[created_since]': '2024-05-03T12:00:00.000Z',
        'sort[by]': 'created_at',
        'sort[direction]': 'desc',
        limit: '100',
      })
      .reply(200, listBody('companies', [COMPANY]));
    // One more request for the whole poll: the user list names the owners.
    usersAnswer();
    const out = await run.trigger(newCompany, {});
    expect(out).toEqual([newCompany.operation.sample]);
    expect(out[0]).toMatchObject({
      id: '23456',
      name: 'Northwind Aerospace',
      owner_id: '54321',
      owner_name: 'Jordan Rivera',
      email: 'info@northwindaero.com',
    });
  });

  it('a sample load looks back 30 days; companies without an owner cost no user request', async () => {
    api()
      .get('/crm/companies')
      .query({
        'filter[created_since]': '2024-04-10T12:00:00.000Z',
        'sort[by]': 'created_at',
        'sort[direction]': 'desc',
        limit: '100',
      })
      .reply(200, listBody('companies', [company('1', '2024-05-01T00:00:00.000Z')]));
    const out = await run.trigger(newCompany, {}, { meta: { isLoadingSample: true } });
    expect(out).toEqual([
      {
        ...newCompany.operation.sample,
        id: '1',
        owner_id: null,
        owner_name: null,
        created_at: '2024-05-01T00:00:00.000Z',
        updated_at: '2024-05-01T00:00:00.000Z',
      },
    ]);
  });

  it('a connector that refuses the filter gets one plain listing, sorted newest first here', async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'created_since is not supported'));
    api()
      .get('/crm/companies')
      .query({ limit: '100' })
      .reply(
        200,
        listBody('companies', [
          company('old', '2024-01-01T00:00:00.000Z'),
          company('undated', null),
          company('new', '2024-05-09T00:00:00.000Z'),
        ]),
      );
    const out = await run.trigger(newCompany, {});
    expect(out.map((c) => c.id)).toEqual(['new', 'old', 'undated']);
  });

  it("a 403 is shown with Apideck's text, and no second request", async () => {
    api()
      .get('/crm/companies')
      .query(true)
      .reply(403, errorBody(403, 'ForbiddenError', 'Forbidden', 'Companies are disabled for this consumer'));
    const err = await failureOf(run.trigger(newCompany, {}));
    expect(err.message).toMatch(/^Apideck refused access: Forbidden — Companies are disabled for this consumer\./);
  });

  it('a company without an id is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/companies')
      .query(true)
      .reply(200, listBody('companies', [{ name: 'Northwind Aerospace' }]));
    const err = await failureOf(run.trigger(newCompany, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.id is missing/);
  });
});

describe('newCompany in the Zap editor', () => {
  it('says what triggers it, and how it differs from the instant New Company, without the app name', () => {
    expect(newCompany.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(newCompany.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
    expect(newCompanyInstant.display.label).toBe(newCompany.display.label);
    expect(newCompanyInstant.display.description).not.toBe(newCompany.display.description);
  });

  it('the instant New Company shows the polling trigger’s sample and output fields', () => {
    expect(newCompanyInstant.operation.sample).toEqual(newCompany.operation.sample);
    expect(newCompanyInstant.operation.outputFields).toBe(newCompany.operation.outputFields);
  });
});

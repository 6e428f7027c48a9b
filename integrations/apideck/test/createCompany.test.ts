import { expectNothingSent, failureOf, useNock } from '@crm-zapier/kit/testing';
import createCompany from '../creates/createCompany';
import { allowOffContractReplies } from './contract';
import {
  api,
  AUTH_WITH_SERVICE,
  bundle,
  customInputsOf,
  errorBody,
  idBody,
  itShowsCustomFieldInputs,
  listBody,
  OTHER_CUSTOM_FIELDS_INPUT,
  run,
  runMethod,
  usersAnswer,
} from './helpers';

useNock();

describe('create_company', () => {
  it('POSTs /crm/companies with only what was given and outputs the company flat, as the sample', async () => {
    api()
      .post('/crm/companies', {
        name: 'SpaceX',
        industry: 'Aerospace',
        number_of_employees: '500-1000',
        websites: [{ url: 'https://spacex.com', type: 'primary' }],
        emails: [{ email: 'info@spacex.com', type: 'primary' }],
      })
      .reply(201, idBody('companies', '23456'));
    const out = await run.create(createCompany, {
      name: ' SpaceX ',
      industry: 'Aerospace',
      number_of_employees: '500-1000',
      website: 'https://spacex.com',
      email: 'info@spacex.com',
      vat_number: '',
    });
    expect(Object.keys(out)).toEqual(Object.keys(createCompany.operation.sample ?? {}));
    expect(out).toMatchObject({
      id: '23456',
      name: 'SpaceX',
      industry: 'Aerospace',
      vat_number: null,
      email: 'info@spacex.com',
      website: 'https://spacex.com',
      websites: ['https://spacex.com'],
    });
  });

  it('an owner picked from the dropdown comes out by name too: one read of the user list', async () => {
    api()
      .post('/crm/companies', { name: 'Northwind Aerospace', owner_id: '54321' })
      .reply(201, idBody('companies', '23456'));
    usersAnswer();
    const out = await run.create(createCompany, { name: 'Northwind Aerospace', owner_id: '54321' });
    expect(out).toMatchObject({ id: '23456', owner_id: '54321', owner_name: 'Jordan Rivera' });
  });

  it('a CRM that lists no users leaves the owner name empty, and the company is still created', async () => {
    api().post('/crm/companies').reply(201, idBody('companies', '23456'));
    api()
      .get('/crm/users')
      .query({ limit: '200' })
      .reply(
        400,
        errorBody(400, 'ConnectorOperationUnsupportedError', 'Unsupported operation', 'Users are not supported'),
      );
    const out = await run.create(createCompany, { name: 'Northwind Aerospace', owner_id: '54321' });
    expect(out).toMatchObject({ id: '23456', owner_id: '54321', owner_name: null });
  });

  it('no owner: no user list read', async () => {
    api().post('/crm/companies').reply(201, idBody('companies', '23456'));
    const out = await run.create(createCompany, { name: 'Northwind Aerospace' });
    expect(out).toMatchObject({ owner_id: null, owner_name: null });
  });

  it("a downstream CRM's error proxied as JSON is shown by its words, never as JSON", async () => {
    api()
      .post('/crm/companies')
      .reply(
        400,
        errorBody(400, 'ConnectorExecutionError', 'Downstream error', {
          status: 400,
          body: {
            status: 'error',
            category: 'VALIDATION_ERROR',
            errors: [{ message: 'Property "domain" is invalid' }],
          },
        }),
      );
    const err = await failureOf(run.create(createCompany, { name: 'Northwind Aerospace' }));
    expect(err.message).toBe('Apideck rejected the request: Downstream error — Property "domain" is invalid');
    expect(err.message).not.toMatch(/[{}]|ConnectorExecutionError|VALIDATION_ERROR/);
  });

  it('a field Apideck says is missing is named by its label in the form', async () => {
    api()
      .post('/crm/companies')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', { missing: [{ owner_id: 'required' }] }));
    const err = await failureOf(run.create(createCompany, { name: 'Northwind Aerospace' }));
    expect(err.message).toBe('Apideck rejected the request: Invalid Params — missing Owner');
  });

  it("shows Apideck's 422 with the connector's message and the field it names", async () => {
    api()
      .post('/crm/companies')
      .reply(
        422,
        errorBody(422, 'ConnectorExecutionError', 'Unprocessable request', {
          field: 'name',
          message: 'A company with this name exists',
        }),
      );
    const err = await failureOf(run.create(createCompany, { name: 'SpaceX' }));
    expect(err.message).toBe('Apideck rejected the request: Unprocessable request — A company with this name exists');
  });

  it('an answer that is not JSON is a clear error', async () => {
    api().post('/crm/companies').reply(201, '<html>ok</html>', { 'Content-Type': 'text/html' });
    const err = await failureOf(run.create(createCompany, { name: 'SpaceX' }));
    expect(err.message).toMatch(
      /^Apideck accepted the request but sent an answer that is not JSON \(text\/html\).*, so the change may or may not have been made in Apideck\./,
    );
  });

  it('refuses a company without a name, or with a bad country code, before any request', async () => {
    const noName = await failureOf(run.create(createCompany, { industry: 'Aerospace' }));
    expect(noName.message).toBe('Company Name is missing.');
    const badCountry = await failureOf(run.create(createCompany, { name: 'SpaceX', address_country: 'USA' }));
    expect(badCountry.message).toMatch(/must be a two-letter country code/);
    expectNothingSent();
  });

  it('a 500 after the POST is OutcomeUnknown, and the POST is not sent again', async () => {
    allowOffContractReplies();
    api()
      .post('/crm/companies')
      .reply(500, errorBody(500, 'UnexpectedError', 'Something broke'));
    const err = await failureOf(run.create(createCompany, { name: 'SpaceX' }));
    expect(err.raw).toContain('OutcomeUnknown');
    expect(err.message).toContain('Apideck had a problem on its side: Something broke');
    expectNothingSent();
  });

  it('a 302 is not followed', async () => {
    allowOffContractReplies();
    api().post('/crm/companies').reply(302, '', { Location: 'https://elsewhere.example/crm/companies' });
    const err = await failureOf(run.create(createCompany, { name: 'SpaceX' }));
    expect(err.raw).toContain('Redirect');
    expect(err.message).toContain('redirect to elsewhere.example');
    expectNothingSent();
  });
});

describe('createCompany custom fields', () => {
  itShowsCustomFieldInputs(createCompany, 'companies');

  it('without a Service ID, the connector is the one Apideck names in a one-company list: two requests', async () => {
    api()
      .get('/crm/companies')
      .query({ limit: '1' })
      .reply(200, listBody('companies', [{ id: '23456', name: 'SpaceX' }]));
    api()
      .get('/vault/connections/crm/pipedrive/companies/custom-fields')
      .reply(200, {
        status_code: 200,
        status: 'OK',
        data: [{ id: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12', name: 'Region', description: null, value: 'EMEA' }],
      });
    expect(await customInputsOf(createCompany)).toEqual([
      {
        key: 'custom_fields__dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
        label: 'Region',
        required: false,
        helpText: 'Custom field `dcf558aac1ae4e8c4f849ba5e668430d8df9be12`. Leave empty to skip it.',
      },
    ]);
  });

  it("Vault's refusal leaves the free Custom Fields input, and the editor loads; the log line shows no secret", async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      api(AUTH_WITH_SERVICE)
        .get('/vault/connections/crm/pipedrive/companies/custom-fields')
        .reply(
          404,
          errorBody(404, 'NotFoundError', 'Unknown Widget', `No connection for key ${AUTH_WITH_SERVICE.api_key}`),
        );
      expect(await customInputsOf(createCompany, AUTH_WITH_SERVICE)).toEqual([OTHER_CUSTOM_FIELDS_INPUT]);
      const lines = log.mock.calls.map((args) => args.map(String).join(' '));
      expect(lines.filter((l) => l.includes('Custom fields are entered by ID'))).toEqual([
        "Custom fields are entered by ID: the connection's list could not be read (" +
          '{"message":"Apideck could not find the item at /vault/connections/crm/pipedrive/companies/custom-fields: ' +
          'Unknown Widget — No connection for key :censored:","code":"NotFound","status":404}).\n',
      ]);
    } finally {
      log.mockRestore();
    }
  });

  it('a connector Apideck does not name leaves the free Custom Fields input, without asking Vault', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/companies')
      .query({ limit: '1' })
      .reply(200, { ...listBody('companies', []), service: undefined });
    expect(await customInputsOf(createCompany)).toEqual([OTHER_CUSTOM_FIELDS_INPUT]);
  });

  it('a list that fails leaves the free Custom Fields input', async () => {
    api()
      .get('/crm/companies')
      .query({ limit: '1' })
      .reply(
        401,
        errorBody(401, 'UnauthorizedError', 'Unauthorized Request', 'Verify your API key and application id.'),
      );
    expect(await customInputsOf(createCompany)).toEqual([OTHER_CUSTOM_FIELDS_INPUT]);
  });

  it('POSTs the custom fields filled in as custom_fields [{ id, value }], and outputs them', async () => {
    api()
      .post('/crm/companies', {
        name: 'SpaceX',
        custom_fields: [
          { id: 'dcf558aac1ae4e8c4f849ba5e668430d8df9be12', value: 'EMEA' },
          { id: 'Score__c', value: '42' },
        ],
      })
      .reply(201, idBody('companies', '23456'));
    const out = await runMethod(
      'creates.create_company.operation.perform',
      bundle({
        name: 'SpaceX',
        custom_fields__dcf558aac1ae4e8c4f849ba5e668430d8df9be12: ' EMEA ',
        custom_fields__5b3f9a8c1e2d4f6a7b8c9d0e1f2a3b4c5d6e7f80: '',
        // A free pair whose id a listed input already gave is not sent twice.
        other_custom_fields: { Score__c: '42', dcf558aac1ae4e8c4f849ba5e668430d8df9be12: 'APAC', Empty__c: ' ' },
      }),
    );
    expect(out).toMatchObject({
      id: '23456',
      name: 'SpaceX',
      custom_dcf558aac1ae4e8c4f849ba5e668430d8df9be12: 'EMEA',
      custom_Score__c: '42',
    });
    expect(Object.keys(out as object).filter((k) => k.startsWith('custom_'))).toEqual([
      'custom_dcf558aac1ae4e8c4f849ba5e668430d8df9be12',
      'custom_Score__c',
    ]);
  });

  it('refuses custom fields that are not text, or free pairs that are not pairs, before any request', async () => {
    const perform = (input: Record<string, unknown>) =>
      failureOf(runMethod('creates.create_company.operation.perform', bundle({ name: 'SpaceX', ...input })));
    expect((await perform({ custom_fields__Tier__c: ['Gold', 'Silver'] })).message).toBe(
      'Custom field "Tier__c": must be text, a number or true/false, not a list.',
    );
    expect((await perform({ other_custom_fields: 'Tier__c=Gold' })).message).toBe(
      'Custom Fields: must be pairs of a custom field ID and a value.',
    );
    expect((await perform({ other_custom_fields: { ' ': 'Gold' } })).message).toBe(
      'Custom Fields: a value has no custom field ID.',
    );
    expectNothingSent();
  });
});

import { failureOf, useNock } from '@crm-zapier/kit/testing';
import authentication from '../authentication/apiKey';
import { allowOffContractReplies } from './contract';
import { AUTH, AUTH_WITH_SERVICE, api, bundle, errorBody, listBody, queryOf, runMethod as run } from './helpers';

useNock();

describe('authentication', () => {
  it('tests with GET /crm/contacts?limit=1 and the three headers, and labels the connection', async () => {
    let query: Record<string, string> = {};
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(function (uri) {
        query = queryOf(uri);
        return [200, listBody('contacts', [])];
      });
    const result = await run('authentication.test', bundle());
    expect(query).toEqual({ limit: '1' });
    expect(result).toEqual({ consumer_id: 'consumer-42', service: 'pipedrive' });
  });

  it('sends x-apideck-service-id when a Service ID is set', async () => {
    api(AUTH_WITH_SERVICE).get('/crm/contacts').query({ limit: '1' }).reply(200, listBody('contacts', []));
    await expect(run('authentication.test', bundle({}, {}, AUTH_WITH_SERVICE))).resolves.toMatchObject({
      service: 'pipedrive',
    });
  });

  it('turns a 401 into an auth error naming the credentials, with no key or app id in it', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(401, errorBody(401, 'UnauthorizedError', 'Unauthorized Request', `Invalid key ${AUTH.api_key}`));
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.name).toBe('ExpiredAuthError');
    expect(err.message).toContain('API key, App ID and Consumer ID');
    expect(err.message).toContain('(Unauthorized Request — Invalid key');
    expect(err.message).not.toContain('UnauthorizedError');
    expect(err.raw).not.toContain(AUTH.api_key);
    expect(err.raw).not.toContain(AUTH.app_id);
  });

  it('rejects an answer without the envelope, naming what is missing', async () => {
    // A body the document does not allow, on purpose.
    allowOffContractReplies();
    api().get('/crm/contacts').query(true).reply(200, { contacts: [] });
    const err = await failureOf(run('authentication.test', bundle()));
    expect(err.message).toMatch(/unexpected shape: data/);
  });
});

describe('the connection form', () => {
  const fields = authentication.fields;
  const help = (key: string) => fields.find((f) => f.key === key)?.helpText ?? '';

  it('asks for the API key, App ID, Consumer ID and an optional Service ID: no webhook signing secret (the key verifies deliveries)', () => {
    expect(fields.map((f) => [f.key, f.label, f.required])).toEqual([
      ['api_key', 'API Key', true],
      ['app_id', 'App ID', true],
      ['consumer_id', 'Consumer ID', true],
      ['service_id', 'Service ID', false],
    ]);
    expect(help('api_key')).toMatch(/Instant also use it to check that each event really comes from Apideck/);
    expect(JSON.stringify(fields)).not.toMatch(/\(Instant\)|secret/i);
  });

  it('explains App ID and Consumer ID to an Apideck customer: what they are and where the dashboard shows them', () => {
    expect(help('app_id')).toMatch(
      /^Which of your Apideck applications .* beside your API key on \[Unify → API Keys\]\(https:/,
    );
    expect(help('consumer_id')).toMatch(
      /a \*consumer\* is one of your own customers .* connected their CRM through Apideck Vault/,
    );
    expect(help('consumer_id')).toMatch(/under \[Consumers\]\(https:\/\/app\.apideck\.com\/consumers\)/);
  });
});

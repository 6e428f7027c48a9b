import { failureOf, useNock } from '@crm-zapier/kit/testing';
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
    expect(err.message).toContain('UnauthorizedError: Unauthorized Request');
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

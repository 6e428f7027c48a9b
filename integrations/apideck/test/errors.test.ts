import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { AUTH, api, bundle, errorBody, run } from './helpers';

useNock();

const createDeal = () => run('creates.create_deal.operation.perform', bundle({ title: 'New Rocket' }));

describe("Apideck's error bodies", () => {
  it('400 RequestValidationError: type name, message and the missing field', async () => {
    api()
      .post('/crm/opportunities')
      .reply(400, errorBody(400, 'RequestValidationError', 'Invalid Params', { missing: [{ title: 'required' }] }));
    const err = await failureOf(createDeal());
    expect(err.message).toBe(
      'Apideck rejected the request (HTTP 400): RequestValidationError: Invalid Params — missing title (field: title)',
    );
  });

  it('422 names the field the detail blames', async () => {
    api()
      .post('/crm/opportunities')
      .reply(
        422,
        errorBody(422, 'ConnectorExecutionError', 'Unprocessable request', {
          field: 'pipeline_stage_id',
          message: 'Stage does not exist',
        }),
      );
    const err = await failureOf(createDeal());
    expect(err.message).toBe(
      'Apideck rejected the request (HTTP 422): ConnectorExecutionError: Unprocessable request — Stage does not exist (field: pipeline_stage_id)',
    );
  });

  it('402 is the plan limit', async () => {
    api()
      .post('/crm/opportunities')
      .reply(402, errorBody(402, 'RequestLimitError', 'Request limit reached'));
    const err = await failureOf(createDeal());
    expect(err.message).toMatch(
      /^Apideck refused the request because of your Apideck plan \(HTTP 402\): RequestLimitError: Request limit reached\. .*upgrade the plan/,
    );
  });

  it('429 is throttled with the Retry-After delay', async () => {
    api()
      .post('/crm/opportunities')
      .reply(429, errorBody(429, 'ConnectorRateLimitError', 'Connector rate limit reached'), { 'Retry-After': '30' });
    const err = await failureOf(createDeal());
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toContain('ConnectorRateLimitError: Connector rate limit reached');
    expect(err.message).toContain('retry in 30 s');
  });

  it('a downstream rate limit proxied with another status is throttled too', async () => {
    api()
      .post('/crm/opportunities')
      .reply(400, errorBody(400, 'ConnectorRateLimitError', 'Too many requests to Pipedrive'));
    const err = await failureOf(createDeal());
    expect(err.name).toBe('ThrottledError');
  });

  it('an unsupported filter says the CRM does not support it', async () => {
    api()
      .get('/crm/contacts')
      .query(true)
      .reply(400, errorBody(400, 'UnsupportedFiltersError', 'Unsupported filters', 'phone_number is not supported'));
    const err = await failureOf(run('searches.find_contact.operation.perform', bundle({ phone_number: '1' })));
    expect(err.message).toMatch(
      /UnsupportedFiltersError: Unsupported filters — phone_number is not supported\. The connected CRM does not support this/,
    );
  });

  it('a 5xx is retried, with the request id, and no secret anywhere', async () => {
    api()
      .post('/crm/opportunities')
      .reply(503, errorBody(503, 'UnexpectedError', `boom ${AUTH.api_key} ${AUTH.app_id}`), { 'Request-Id': 'req-1' });
    const err = await failureOf(createDeal());
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toContain('request id req-1');
    expect(err.raw).not.toContain(AUTH.api_key);
    expect(err.raw).not.toContain(AUTH.app_id);
  });
});

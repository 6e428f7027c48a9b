import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { downstreamResetSeconds } from '../src/errors';
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

  it("passes a connector's 429 through as a ThrottledError whose delay is its Retry-After (seconds or date)", async () => {
    api()
      .post('/crm/leads')
      .reply(429, errorBody(429, 'ConnectorRateLimitError', 'HubSpot rate limit reached'), { 'Retry-After': '17' });
    const err = await failureOf(run('creates.create_lead.operation.perform', bundle({ name: 'Ada' })));
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toMatchObject({ delay: 17 });
    expect(err.message).toContain('ConnectorRateLimitError: HubSpot rate limit reached');

    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    api()
      .get('/crm/leads')
      .query(true)
      .reply(429, errorBody(429, 'ConnectorRateLimitError', 'Slow down'), { 'Retry-After': inTwoMinutes });
    const dated = await failureOf(run('searches.find_lead.operation.perform', bundle({ email: 'a@b.co' })));
    expect(dated.name).toBe('ThrottledError');
    const delay = (JSON.parse(dated.raw) as { delay: number }).delay;
    expect(delay).toBeGreaterThan(100);
    expect(delay).toBeLessThanOrEqual(120);
  });

  it('a downstream rate limit proxied with another status keeps its Retry-After', async () => {
    api()
      .patch('/crm/companies/1')
      .reply(400, errorBody(400, 'ConnectorRateLimitError', 'Too many requests to Pipedrive'), { 'Retry-After': '9' });
    const err = await failureOf(
      run('creates.update_company.operation.perform', bundle({ company_id: '1', industry: 'X' })),
    );
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toMatchObject({ delay: 9 });
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

  it('a 5xx after a create is not retried (the deal may exist), with the request id and no secret', async () => {
    api()
      .post('/crm/opportunities')
      .reply(500, errorBody(500, 'UnexpectedError', `boom ${AUTH.api_key} ${AUTH.app_id}`), { 'Request-Id': 'req-1' });
    const err = await failureOf(createDeal());
    expect(err.name).toBe('AppError');
    expect(err.message).toMatch(
      /^Apideck had a problem \(HTTP 500\).*\[request id req-1\], so the change may or may not have been made/,
    );
    expect(err.raw).not.toContain(AUTH.api_key);
    expect(err.raw).not.toContain(AUTH.app_id);
  });

  it('a 503 with Retry-After (refused before processing) is retried, even for a create', async () => {
    api()
      .post('/crm/opportunities')
      .reply(503, errorBody(503, 'UnexpectedError', 'maintenance'), { 'Retry-After': '30' });
    const err = await failureOf(createDeal());
    expect(err.name).toBe('ThrottledError');
    expect(JSON.parse(err.raw)).toMatchObject({ delay: 30 });
  });

  describe("a 429's delay comes from x-downstream-ratelimit-reset, then Retry-After (apideck-crm.md §5.4)", () => {
    const now = Date.parse('2024-05-10T12:00:00.000Z');
    beforeEach(() =>
      jest.useFakeTimers({
        now,
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'],
      }),
    );
    afterEach(() => jest.useRealTimers());

    const limited = (headers: Record<string, string>, status = 429) =>
      api()
        .get('/crm/leads')
        .query(true)
        .reply(status, errorBody(status, 'ConnectorRateLimitError', 'Connector Rate Limit Error'), headers);
    const delayOf = async () => {
      const err = await failureOf(run('searches.find_lead.operation.perform', bundle({ email: 'a@b.co' })));
      expect(err.name).toBe('ThrottledError');
      return { delay: (JSON.parse(err.raw) as { delay?: number }).delay, message: err.message };
    };

    it("the reset as a Unix timestamp in seconds (Apideck's reference) wins over Retry-After", async () => {
      limited({
        'x-downstream-ratelimit-limit': '100',
        'x-downstream-ratelimit-remaining': '0',
        'x-downstream-ratelimit-reset': String(now / 1000 + 42),
        'Retry-After': '5',
      });
      expect(await delayOf()).toEqual({
        delay: 42,
        message:
          'The connected CRM is rate limiting Apideck (ConnectorRateLimitError: Connector Rate Limit Error); Zapier will retry in 42 s.',
      });
    });

    it('the reset in epoch milliseconds, or as seconds from now, is read too; a reset already past waits 1 s', async () => {
      limited({ 'x-downstream-ratelimit-reset': String(now + 90_500) });
      expect((await delayOf()).delay).toBe(91);
      limited({ 'x-downstream-ratelimit-reset': '30' });
      expect((await delayOf()).delay).toBe(30);
      limited({ 'x-downstream-ratelimit-reset': String(now / 1000 - 10) });
      expect((await delayOf()).delay).toBe(1);
    });

    it('without the reset, or with one that is no number, Retry-After gives the delay', async () => {
      limited({ 'Retry-After': '17' });
      expect((await delayOf()).delay).toBe(17);
      limited({ 'x-downstream-ratelimit-reset': 'soon', 'Retry-After': '8' });
      expect((await delayOf()).delay).toBe(8);
    });

    it('a reset whose window still has requests left is not what ran out: Retry-After gives the delay', async () => {
      limited({
        'x-downstream-ratelimit-remaining': '57',
        'x-downstream-ratelimit-reset': String(now / 1000 + 3600),
        'Retry-After': '4',
      });
      expect((await delayOf()).delay).toBe(4);
    });

    it('a downstream rate limit proxied with another status waits for the reset too', async () => {
      limited({ 'x-downstream-ratelimit-reset': String(now / 1000 + 20) }, 400);
      expect((await delayOf()).delay).toBe(20);
    });

    it("Apideck's own 429 with neither header is throttled, with no delay of our making", async () => {
      api()
        .get('/crm/leads')
        .query(true)
        .reply(429, errorBody(429, 'TooManyRequestsError', 'Too many requests'));
      expect(await delayOf()).toEqual({
        delay: undefined,
        message:
          'Apideck is rate limiting requests (TooManyRequestsError: Too many requests); Zapier will retry later.',
      });
    });

    it('downstreamResetSeconds reads the three forms of the reset', () => {
      const h = (headers: Record<string, string>) => (name: string) => headers[name];
      expect(downstreamResetSeconds(h({ 'x-downstream-ratelimit-reset': '1715342460' }), now)).toBe(60);
      expect(downstreamResetSeconds(h({ 'x-downstream-ratelimit-reset': '1715342460000' }), now)).toBe(60);
      expect(downstreamResetSeconds(h({ 'x-downstream-ratelimit-reset': '12.2' }), now)).toBe(13);
      expect(downstreamResetSeconds(h({}), now)).toBeUndefined();
    });
  });
});

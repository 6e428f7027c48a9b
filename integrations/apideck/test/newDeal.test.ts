import { failureOf, useNock } from '@crm-zapier/kit/testing';
import newDeal from '../triggers/newDeal';
import { OPPORTUNITY, PIPELINE } from '../src/samples';
import { allowOffContractReplies } from './contract';
import { api, errorBody, listBody, run } from './helpers';

useNock();

describe('new_deal', () => {
  it('lists deals newest first (no filter: opportunities have none) and outputs them flat, as the sample', async () => {
    api()
      .get('/crm/opportunities')
      .query({ 'sort[by]': 'created_at', 'sort[direction]': 'desc', limit: '100' })
      .reply(200, listBody('opportunities', [OPPORTUNITY]));
    // One more request for the whole poll: the pipeline list names the pipeline and the stage.
    api()
      .get('/crm/pipelines')
      .query({ limit: '200' })
      .reply(200, listBody('pipelines', [PIPELINE]));
    const out = await run.trigger(newDeal, {});
    expect(out).toEqual([newDeal.operation.sample]);
    expect(out[0]).toMatchObject({
      id: '34567',
      pipeline_id: 'default',
      pipeline_name: 'Sales Pipeline',
      pipeline_stage_id: 'contractsent',
      stage_name: 'Contract Sent',
    });
  });

  it("a 429 waits for the downstream CRM's window (x-downstream-ratelimit-reset) before Retry-After", async () => {
    const reset = Math.floor(Date.now() / 1000) + 90;
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(429, errorBody(429, 'ConnectorRateLimitError', 'Connector rate limit reached'), {
        'x-downstream-ratelimit-reset': String(reset),
        'x-downstream-ratelimit-remaining': '0',
        'Retry-After': '5',
      });
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toMatch(
      /^The connected CRM is rate limiting Apideck \(Connector rate limit reached\); Zapier will retry in (89|90|91) s\.$/,
    );
  });

  it("Apideck's own 429 without either header is throttled with no delay of this app's making", async () => {
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(429, errorBody(429, 'TooManyRequestsError', 'Too many requests'));
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.name).toBe('ThrottledError');
    expect(err.message).toBe('Apideck is rate limiting requests (Too many requests); Zapier will retry later.');
  });

  it('a deal whose amount is text is a clear error', async () => {
    allowOffContractReplies();
    api()
      .get('/crm/opportunities')
      .query(true)
      .reply(200, listBody('opportunities', [{ ...OPPORTUNITY, monetary_amount: '75k' }]));
    const err = await failureOf(run.trigger(newDeal, {}));
    expect(err.message).toMatch(/^Apideck sent an answer of an unexpected shape: data\[0\]\.monetary_amount/);
  });
});

describe('newDeal in the Zap editor', () => {
  it("says what triggers it, whose records it sees, without the app's name or connector notes", () => {
    expect(newDeal.display.description).toMatch(
      /^Triggers when .* in the connected CRM\b.*\. Checks for .* every few minutes, whichever CRM is connected\.$/,
    );
    expect(newDeal.display.description).not.toMatch(/Apideck|HubSpot|\(Instant\)/);
  });
});

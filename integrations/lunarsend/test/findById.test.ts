import { failureOf, useNock } from '@crm-zapier/kit/testing';
import App from '../index';
import { CONTACT, DEAL } from '../src/samples';
import { BASE, CONTACT_ID, api, bundle, keysOf, run, watchRequests } from './helpers';

useNock();

const OTHER_CONTACT_ID = '2f6e1b9c-4a3d-4c8e-9b7a-0d1e2f3a4b5c';

describe('Find Contact by ID', () => {
  const perform = 'searches.find_contact_by_id.operation.perform';

  it('lunarsend.md "Contacts" (get): sends GET /contacts?id=, reads [{ success, id, data }], and answers the contact with the same keys as Find Contact', async () => {
    api()
      .get(`${BASE}/contacts`)
      .query({ id: CONTACT_ID })
      .reply(200, [{ success: true, id: CONTACT_ID, data: CONTACT }]);
    const out = (await run(perform, bundle({ contact_id: CONTACT_ID }))) as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: CONTACT_ID, email: 'joe@example.com', full_name: 'Joe Doe', tags: [] });
    expect(keysOf(out[0])).toEqual(keysOf(App.searches.find_contact.operation.sample));
  });

  it.each([
    ['another contact', { ...CONTACT, id: OTHER_CONTACT_ID }],
    ['another contact, under the envelope id asked for', { ...CONTACT, id: OTHER_CONTACT_ID }, CONTACT_ID],
  ])(
    'lunarsend.md "Contacts" (get): finds nothing when the answer holds %s (never a contact with another id)',
    async (_name, data, envelopeId = OTHER_CONTACT_ID) => {
      api()
        .get(`${BASE}/contacts`)
        .query({ id: CONTACT_ID })
        .reply(200, [{ success: true, id: envelopeId, data }]);
      await expect(run(perform, bundle({ contact_id: CONTACT_ID }))).resolves.toEqual([]);
    },
  );

  it('finds the contact when LunarSend writes its id in another case (a uuid is the same id)', async () => {
    api()
      .get(`${BASE}/contacts`)
      .query({ id: CONTACT_ID.toUpperCase() })
      .reply(200, [{ success: true, id: CONTACT_ID, data: CONTACT }]);
    await expect(run(perform, bundle({ contact_id: CONTACT_ID.toUpperCase() }))).resolves.toEqual([
      expect.objectContaining({ id: CONTACT_ID }),
    ]);
  });

  it('finds nothing (an empty list, not an error) when no contact has the id', async () => {
    api().get(`${BASE}/contacts`).query({ id: CONTACT_ID }).reply(404, { error: 'not_found', message: 'No contact' });
    await expect(run(perform, bundle({ contact_id: CONTACT_ID }))).resolves.toEqual([]);
  });

  it('still fails on other errors (403)', async () => {
    api().get(`${BASE}/contacts`).query(true).reply(403, { error: 'forbidden', message: 'No access' });
    const err = await failureOf(run(perform, bundle({ contact_id: CONTACT_ID })));
    expect(err.message).toMatch(/^LunarSend refused access: No access \[forbidden\]/);
  });

  it('rejects a bad id before any request', async () => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle({ contact_id: 'x/y' })));
      expect(err.message).toMatch(/Contact ID \(contact_id\): must be an id/);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});

describe('Find Deal by ID', () => {
  const perform = 'searches.find_deal_by_id.operation.perform';

  it('lunarsend.md "Pipeline deals" (get-deal): reads the array-wrapped [{ success, id, data }]', async () => {
    api()
      .get(`${BASE}/pipeline`)
      .query({ id: DEAL.id })
      .reply(200, [{ success: true, id: DEAL.id, data: DEAL }]);
    const out = (await run(perform, bundle({ deal_id: DEAL.id }))) as Record<string, unknown>[];
    expect(out).toEqual([expect.objectContaining({ id: DEAL.id, stage: 'Proposal', deal_size: 12000 })]);
  });

  it('lunarsend.md "Pipeline deals" (get-deal, the id may repeat): reads one envelope per deal and keeps the one asked for', async () => {
    const other = { ...DEAL, id: '0b7e4c21-9f3a-4d6b-8e15-c2a9d7f0e384', company: 'Other Co' };
    api()
      .get(`${BASE}/pipeline`)
      .query({ id: DEAL.id })
      .reply(200, [
        { success: true, id: other.id, data: other },
        { success: true, id: DEAL.id, data: DEAL },
      ]);
    await expect(run(perform, bundle({ deal_id: DEAL.id }))).resolves.toEqual([
      expect.objectContaining({ id: DEAL.id, company: 'Brightwave Solutions' }),
    ]);
  });

  it('sends GET /pipeline?id= and answers the deal (data as an array)', async () => {
    api()
      .get(`${BASE}/pipeline`)
      .query({ id: DEAL.id })
      .reply(200, { success: true, data: [DEAL] });
    const out = (await run(perform, bundle({ deal_id: DEAL.id }))) as Record<string, unknown>[];
    expect(out).toEqual([expect.objectContaining({ id: DEAL.id, stage: 'Proposal', deal_size: 12000 })]);
    expect(keysOf(out[0])).toEqual(keysOf(App.searches.find_deal_by_id.operation.sample));
  });

  it('accepts data as a single object', async () => {
    api().get(`${BASE}/pipeline`).query({ id: DEAL.id }).reply(200, { success: true, data: DEAL });
    await expect(run(perform, bundle({ deal_id: DEAL.id }))).resolves.toHaveLength(1);
  });

  it('finds nothing on 404 or an empty data list', async () => {
    api().get(`${BASE}/pipeline`).query(true).reply(404, { status: 'error', error: 'No deal' });
    await expect(run(perform, bundle({ deal_id: DEAL.id }))).resolves.toEqual([]);
    api().get(`${BASE}/pipeline`).query(true).reply(200, { success: true, data: [] });
    await expect(run(perform, bundle({ deal_id: DEAL.id }))).resolves.toEqual([]);
  });

  it('offers the deal from list_deals', () => {
    const [field] = App.searches.find_deal_by_id.operation.inputFields as { key: string; dynamic?: string }[];
    expect(field).toMatchObject({ key: 'deal_id', dynamic: 'list_deals.id.name' });
  });

  it('rejects a missing id before any request', async () => {
    const watch = watchRequests();
    try {
      const err = await failureOf(run(perform, bundle({})));
      expect(err.message).toMatch(/Deal ID \(deal_id\) is missing/);
      expect(watch.seen).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});

describe('Find Deal by ID answers only the deal with that id', () => {
  const perform = 'searches.find_deal_by_id.operation.perform';
  const OTHER = { ...DEAL, id: '0b7e4c21-9f3a-4d6b-8e15-c2a9d7f0e384', company: 'Other Co', stage: 'Lost' };

  it('skips another deal that comes first', async () => {
    api()
      .get(`${BASE}/pipeline`)
      .query({ id: DEAL.id })
      .reply(200, { success: true, id: DEAL.id, data: [OTHER, DEAL] });
    const out = (await run(perform, bundle({ deal_id: DEAL.id }))) as Record<string, unknown>[];
    expect(out).toEqual([expect.objectContaining({ id: DEAL.id, company: 'Brightwave Solutions', stage: 'Proposal' })]);
  });

  it.each([
    ['a list', [OTHER]],
    ['a single object', OTHER],
  ])('finds nothing when the answer holds only another deal (%s)', async (_name, data) => {
    api().get(`${BASE}/pipeline`).query({ id: DEAL.id }).reply(200, { success: true, data });
    await expect(run(perform, bundle({ deal_id: DEAL.id }))).resolves.toEqual([]);
  });
});

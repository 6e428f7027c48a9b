import { failureOf, useNock } from '@crm-zapier/kit/testing';
import { DEAL, MYSELF } from '../src/samples';
import listUsers from '../triggers/listUsers';
import { USER_ID, api, listing, runner, useEnv } from './helpers';

useNock();
useEnv();
const run = runner();

const COLLEAGUE = {
  user_id: '5a1b2c3d4e5f60718293a4b5',
  name: 'Priya Natarajan',
  email: 'priya@summitsoftware.com',
  avatar_url: 'https://app.nimble.com/api/users/avatars/5a1b2c3d4e5f60718293a4b5',
  is_active: true,
};
const ownedBy = (deal_id: string, owner: object) => ({ ...DEAL, deal_id, owner });

describe('User dropdown (list_users: Owner, Assignee, user fields)', () => {
  it('lists the connected user first, then the owners of the most recently changed deals, each once (2 requests)', async () => {
    api().get('/api/v1/myself').reply(200, MYSELF);
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(
        200,
        listing([ownedBy('65958d7ef2e8748e6361dd01', COLLEAGUE), DEAL, ownedBy('65958d7ef2e8748e6361dd02', COLLEAGUE)]),
      );
    expect(await run.trigger(listUsers, {})).toEqual([
      { id: USER_ID, name: 'Daniel Reyes (daniel@summitsoftware.com) (you)' },
      { id: COLLEAGUE.user_id, name: 'Priya Natarajan (priya@summitsoftware.com)' },
    ]);
  });

  it('labels a user with a blank name by the e-mail', async () => {
    api().get('/api/v1/myself').reply(200, MYSELF);
    api()
      .get('/api/v2/deals')
      .query({ sort: 'updated:desc', limit: '50' })
      .reply(200, listing([ownedBy('65958d7ef2e8748e6361dd01', { ...COLLEAGUE, name: ' ' })]));
    const [, colleague] = await run.trigger(listUsers, {});
    expect(colleague).toEqual({ id: COLLEAGUE.user_id, name: 'priya@summitsoftware.com' });
  });

  it('is hidden: it only fills dropdowns', () => {
    expect(listUsers.display.hidden).toBe(true);
  });

  it("shows Nimble's text when the user cannot be read", async () => {
    api().get('/api/v1/myself').reply(403, { message: 'email_verification_required' });
    api().get('/api/v2/deals').query(true).reply(200, listing([]));
    const err = await failureOf(run.trigger(listUsers, {}));
    expect(err.message).toBe(
      'Nimble refused access: Email verification required. Check that the user you connected with may do this in Nimble.',
    );
  });
});

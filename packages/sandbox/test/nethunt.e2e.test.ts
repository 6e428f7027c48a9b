import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import nethuntApp from 'nethunt-crm';
import { createNetHuntSimulator, NETHUNT_SANDBOX_CREDENTIALS, type NetHuntSimulator } from '../src/nethunt';
import { nethuntPlan } from '../src/nethunt.plan';
import { runSearchOrCreate } from '../src/searchOrCreate';
import { runPlan } from '../src/tour.lib';

describe('NetHunt CRM against its simulator, through the runtime', () => {
  it('runs every operation of the tour with one request each (two for a find-or-create)', async () => {
    const plan = nethuntPlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.map((r) => r.step)).toEqual(
        expect.arrayContaining([
          'new_record',
          'updated_record',
          'new_comment',
          'record_change',
          'find_record',
          'create_record',
          'update_record',
          'create_comment',
          'create_call_log',
        ]),
      );
      for (const r of results)
        expect([r.step, r.requests]).toEqual([r.step, r.step.startsWith('find_or_create') ? 2 : 1]);
    } finally {
      await plan.server.stop();
    }
  });

  describe('record semantics', () => {
    let sim: NetHuntSimulator;
    const run = appRunner(nethuntApp);
    const bundle = (inputData: Record<string, unknown>) =>
      makeBundle(NETHUNT_SANDBOX_CREDENTIALS, inputData, { timezone: 'Europe/Riga' });

    beforeEach(async () => {
      sim = createNetHuntSimulator();
      process.env.NETHUNT_BASE_URL = await sim.server.start();
    });
    afterEach(async () => {
      delete process.env.NETHUNT_BASE_URL;
      await sim.server.stop();
    });

    it('creates, then finds the record, then sees the update in Updated Record and Record Change', async () => {
      const folder_id = sim.folders[0]!.id;
      const created = (await run(
        'creates.create_record.operation.perform',
        bundle({ folder_id, fields__Name: 'Grace Hopper', fields__Keywords: 'Navy' }),
      )) as { id: string };
      const found = (await run(
        'searches.find_record.operation.perform',
        bundle({ folder_id, query: 'Name:Hopper' }),
      )) as { id: string }[];
      expect(found.map((r) => r.id)).toEqual([created.id]);

      await run(
        'creates.update_record.operation.perform',
        bundle({ folder_id, record_id: created.id, mode: 'add', fields__Keywords: 'COBOL' }),
      );
      const updates = (await run(
        'triggers.updated_record.operation.perform',
        bundle({ folder_id, field_names: ['Keywords'] }),
      )) as Record<string, unknown>[];
      expect(updates[0]).toMatchObject({ record_id: created.id, fields__Keywords: ['Navy', 'COBOL'] });
      expect(updates[0]!.id).toMatch(new RegExp(`^${created.id}-\\d+$`));

      const changes = (await run(
        'triggers.record_change.operation.perform',
        bundle({ folder_id, record_id: created.id }),
      )) as Record<string, unknown>[];
      expect(changes.map((c) => c.action)).toEqual(['UPDATE', 'CREATE']);
      expect(changes[0]).toMatchObject({
        changed_fields: ['Keywords'],
        field_actions__Keywords__add: ['Navy', 'COBOL'],
      });
    });

    it("shows NetHunt's own error when a single-value field is added to without Replace", async () => {
      const john = sim.seeded.john;
      const err = await failureOf(
        run(
          'creates.update_record.operation.perform',
          bundle({ folder_id: john.folderId, record_id: john.recordId, mode: 'add', fields__Name: 'Johnny' }),
        ),
      );
      expect(err.message).toMatch(
        /^NetHunt CRM rejected the request \(HTTP 400\): Field "Name" can hold only a single value/,
      );
    });

    describe('Find or Create Record', () => {
      const findOrCreate = (
        search: Record<string, unknown>,
        create: Record<string, unknown>,
        update?: Record<string, unknown>,
      ) => runSearchOrCreate(nethuntApp, 'find_record', run, bundle({}), { search, create, update });

      it('creates on a miss', async () => {
        const folder_id = sim.folders[0]!.id;
        const out = await findOrCreate({ folder_id, query: 'Name:Linus' }, { folder_id, fields__Name: 'Linus' });
        expect(out).toMatchObject({ path: 'created', matches: 0, result: { fields__Name: 'Linus' } });
        expect(sim.records.filter((r) => r.fields.Name === 'Linus')).toHaveLength(1);
      });

      it('updates the found record on a hit, changing only the fields given', async () => {
        const folder_id = sim.folders[0]!.id;
        const john = sim.seeded.john;
        const out = await findOrCreate(
          { folder_id, query: 'Name:John' },
          { folder_id, fields__Name: 'John Doe' },
          { folder_id, fields__Salary: 300000 },
        );
        expect(out).toMatchObject({
          path: 'updated',
          matches: 1,
          result: { id: john.recordId, fields__Salary: 300000 },
        });
        expect(john.fields).toMatchObject({ Name: 'John Doe', Birthday: '1980-01-01', Salary: 300000 });
      });

      it('takes the first of several matches and updates only that one', async () => {
        const folder_id = sim.folders[0]!.id;
        const out = await findOrCreate(
          { folder_id, query: 'Name:Doe', limit: 5 },
          { folder_id, fields__Name: 'Doe' },
          { folder_id, fields__Keywords: 'Found', mode: 'add' },
        );
        expect(out).toMatchObject({ path: 'updated', matches: 2 });
        expect(sim.records.filter((r) => (r.fields.Keywords as unknown[] | undefined)?.includes('Found'))).toHaveLength(
          1,
        );
      });
    });

    it('asks to reconnect when the simulator refuses the API key', async () => {
      await expect(
        run('authentication.test', makeBundle({ username: 'john.doe@example.com', password: 'wrong' }, {})),
      ).rejects.toMatchObject({ name: 'ExpiredAuthError' });
    });
  });
});

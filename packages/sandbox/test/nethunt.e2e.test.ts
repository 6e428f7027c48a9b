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

      it('updates the record whose field holds exactly the value searched, changing only the fields given', async () => {
        const folder_id = sim.folders[0]!.id;
        const john = sim.seeded.john;
        const count = sim.records.length;
        const out = await findOrCreate(
          { folder_id, query: 'Name:John Doe' },
          { folder_id, fields__Name: 'John Doe' },
          { folder_id, fields__Salary: 300000 },
        );
        expect(out).toMatchObject({
          path: 'updated',
          matches: 1,
          result: { id: john.recordId, fields__Salary: 300000 },
        });
        expect(john.fields).toMatchObject({ Name: 'John Doe', Birthday: '1980-01-01', Salary: 300000 });
        expect(sim.records).toHaveLength(count);
      });

      it('matches an email field by its address: `Primary Email Address:jane.doe@example.com` updates Jane Doe', async () => {
        const folder_id = sim.folders[0]!.id;
        const { john, jane } = sim.seeded;
        const johnBefore = structuredClone(john.fields);
        const out = await findOrCreate(
          { folder_id, query: 'Primary Email Address:Jane.Doe@example.com' },
          { folder_id, fields__Name: 'Jane Doe' },
          { folder_id, fields__Keywords: 'Found', mode: 'add' },
        );
        expect(out).toMatchObject({ path: 'updated', matches: 1, result: { id: jane.recordId } });
        expect(jane.fields.Keywords).toEqual(['Found']);
        expect(john.fields).toEqual(johnBefore);
      });

      it('stops on free text ("Doe") before any request, leaving John Doe and Jane Doe as they were', async () => {
        const folder_id = sim.folders[0]!.id;
        const before = structuredClone(sim.records);
        const requests = sim.server.requests.length;
        const err = await failureOf(
          findOrCreate(
            { folder_id, query: 'Doe' },
            { folder_id, fields__Name: 'Doe' },
            { folder_id, fields__Salary: 1 },
          ),
        );
        expect(err.message).toMatch(
          /^Please check your input: Search Query \(query\): must be a field and its exact value, like `Primary Email Address:jane@example.com`/,
        );
        expect(sim.server.requests.length).toBe(requests);
        expect(sim.records).toEqual(before);
      });

      it('creates when NetHunt finds records but none holds exactly the value (`Name:Doe`)', async () => {
        const folder_id = sim.folders[0]!.id;
        const { john, jane } = sim.seeded;
        const before = structuredClone([john.fields, jane.fields]);
        const out = await findOrCreate(
          { folder_id, query: 'Name:Doe' },
          { folder_id, fields__Name: 'Doe' },
          { folder_id, fields__Salary: 1 },
        );
        expect(out).toMatchObject({ path: 'created', matches: 0, result: { fields__Name: 'Doe' } });
        expect([john.fields, jane.fields]).toEqual(before);
      });

      it('stops with a clear error when several records hold exactly the value, changing none', async () => {
        const folder_id = sim.folders[0]!.id;
        for (const salary of [1, 2]) {
          await run(
            'creates.create_record.operation.perform',
            bundle({ folder_id, fields__Name: 'Twin', fields__Salary: salary }),
          );
        }
        const before = structuredClone(sim.records);
        const err = await failureOf(
          findOrCreate(
            { folder_id, query: 'Name:twin' },
            { folder_id, fields__Name: 'Twin' },
            { folder_id, fields__Keywords: 'Found', mode: 'add' },
          ),
        );
        expect(err.message).toBe(
          '2 records in this folder have Name "twin", so Find or Create Record cannot tell which one to update. Search a field whose values are unique (like an email address), or use the Record ID.',
        );
        expect(sim.records).toEqual(before);
      });

      it('updates by Record ID', async () => {
        const folder_id = sim.folders[0]!.id;
        const jane = sim.seeded.jane;
        const out = await findOrCreate(
          { folder_id, record_id: jane.recordId },
          { folder_id, fields__Name: 'Jane Doe' },
          { folder_id, fields__Salary: 5 },
        );
        expect(out).toMatchObject({ path: 'updated', matches: 1, result: { id: jane.recordId, fields__Salary: 5 } });
      });
    });

    it('asks to reconnect when the simulator refuses the API key', async () => {
      await expect(
        run('authentication.test', makeBundle({ username: 'john.doe@example.com', password: 'wrong' }, {})),
      ).rejects.toMatchObject({ name: 'ExpiredAuthError' });
    });
  });
});

import { appRunner } from '@crm-zapier/kit';
import { failureOf, makeBundle } from '@crm-zapier/kit/testing';
import nethuntApp from 'nethunt-crm';
import {
  createNetHuntSimulator,
  NETHUNT_CREDENTIALS_TEXT,
  NETHUNT_MISSING_SEARCH_TEXT,
  NETHUNT_SANDBOX_CREDENTIALS,
  type NetHuntSimulator,
} from '../src/simulators/nethunt';
import { nethuntPlan } from '../src/tour/nethunt.plan';
import { runSearchOrCreate } from '../src/searchOrCreate';
import { runPlan } from '../src/tour/tour.lib';

/**
 * The contract: nethunt.md's endpoint table (the seed's endpoints and the four it adds), each a
 * method and a path under the base URL. The tour must call every one, and nothing else.
 */
const ID = '[0-9a-f]{24}';
const REFERENCE_ENDPOINTS: [string, string, RegExp][] = [
  ['auth test', 'GET', /^\/triggers\/auth-test$/],
  ['readable folders', 'GET', /^\/triggers\/readable-folder$/],
  ['writable folders', 'GET', /^\/triggers\/writable-folder$/],
  ['folder fields', 'GET', new RegExp(`^/triggers/folder-field/${ID}$`)],
  ['find record', 'GET', new RegExp(`^/searches/find-record/${ID}$`)],
  ['new records', 'GET', new RegExp(`^/triggers/new-record/${ID}$`)],
  ['new comments', 'GET', new RegExp(`^/triggers/new-comment/${ID}$`)],
  ['updated records', 'GET', new RegExp(`^/triggers/updated-record/${ID}$`)],
  ['record changes', 'GET', new RegExp(`^/triggers/record-change/${ID}$`)],
  ['new call logs', 'GET', new RegExp(`^/triggers/new-call-log/${ID}$`)],
  ['new Google Drive files', 'GET', new RegExp(`^/triggers/new-gdrivefile/${ID}$`)],
  ['create record', 'POST', new RegExp(`^/actions/create-record/${ID}$`)],
  ['create comment', 'POST', new RegExp(`^/actions/create-comment/${ID}$`)],
  ['create call log', 'POST', new RegExp(`^/actions/create-call-log/${ID}$`)],
  ['update record', 'POST', new RegExp(`^/actions/update-record/${ID}$`)],
  ['delete record', 'POST', new RegExp(`^/actions/delete-record/${ID}$`)],
  ['link Gmail thread', 'POST', new RegExp(`^/actions/link-gmail-thread/${ID}$`)],
];

/**
 * Requests per tour step: the create and update steps (and their dynamic fields) first read the
 * folder's field types; New Comment reads the name of each record commented on (John and Jane);
 * New or Updated Record reads the folder's new and updated records. Record Change and Deleted
 * Record name every record from the changes themselves here (each creation is in the window).
 */
const REQUESTS: Record<string, number> = {
  new_comment: 3,
  new_or_updated_record: 3,
  'create_record fields': 2,
  create_record: 2,
  update_record: 2,
  'find_or_create (miss: create)': 3,
  'find_or_create (hit: update)': 3,
};

describe('NetHunt CRM against its simulator, through the runtime', () => {
  const toured: string[] = [];

  it('runs every operation of the tour, with one request each unless it reads the field types first', async () => {
    const plan = nethuntPlan();
    try {
      const results = await runPlan(plan);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(results.map((r) => r.step)).toEqual(
        expect.arrayContaining([
          'new_record',
          'updated_record',
          'new_comment',
          'new_call_log',
          'new_file',
          'record_change',
          'find_record',
          'create_record',
          'update_record',
          'create_comment',
          'create_call_log',
          'link_gmail_thread',
          'delete_record',
        ]),
      );
      for (const r of results) expect([r.step, r.requests]).toEqual([r.step, REQUESTS[r.step] ?? 1]);
      toured.push(...plan.server.requests);
    } finally {
      await plan.server.stop();
    }
  });

  describe('contract: nethunt.md › Endpoints', () => {
    // The requests of a whole tour (run here unless the test above already ran one).
    beforeAll(async () => {
      if (toured.length > 0) return;
      const plan = nethuntPlan();
      try {
        await runPlan(plan);
        toured.push(...plan.server.requests);
      } finally {
        await plan.server.stop();
      }
    });
    const sent = () => toured.map((r) => r.replace(' /api/v1/zapier', ' '));

    it.each(REFERENCE_ENDPOINTS)('the tour calls %s (%s %s)', (_name, method, path) => {
      expect(sent().some((r) => r.startsWith(`${method} `) && path.test(r.slice(method.length + 1)))).toBe(true);
    });

    it('the tour sends no request outside the reference (no new-email, nothing undocumented)', () => {
      const outside = sent().filter(
        (r) =>
          !REFERENCE_ENDPOINTS.some(
            ([, method, path]) => r.startsWith(`${method} `) && path.test(r.slice(method.length + 1)),
          ),
      );
      expect(toured.length).toBeGreaterThan(0);
      expect(outside).toEqual([]);
    });
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

    it('picks records by name, newest first, and names the records of changes, comments and deletions', async () => {
      const folder_id = sim.folders[0]!.id;
      const { john, jane } = sim.seeded;
      const choices = await run('triggers.list_recent_records.operation.perform', bundle({ folder_id }));
      expect(choices).toEqual([
        { id: jane.recordId, name: 'Jane Doe' },
        { id: john.recordId, name: 'John Doe' },
      ]);
      const comments = (await run('triggers.new_comment.operation.perform', bundle({ folder_id }))) as Record<
        string,
        unknown
      >[];
      expect(comments.map((c) => [c.record_name, c.text])).toEqual([
        ['Jane Doe', 'Called Jane back'],
        ['John Doe', 'My first comment'],
      ]);
      const changed = (await run('triggers.new_or_updated_record.operation.perform', bundle({ folder_id }))) as Record<
        string,
        unknown
      >[];
      // John's salary update, with John as he is now, his e-mail bare and his name beside it.
      expect(changed[0]).toMatchObject({
        record_id: john.recordId,
        action: 'UPDATE',
        name: 'John Doe',
        'fields__Primary Email Address': 'john.doe@example.com',
        'fields__Primary Email Address__name': 'John Doe',
        fields__Salary: 200000,
        fields__Status: 'Qualified',
        changed_fields: ['Salary', 'Status'],
        field_actions__Salary__remove: 100000,
        field_actions__Salary__add: 200000,
      });
      const deleted = (await run('triggers.deleted_record.operation.perform', bundle({ folder_id }))) as Record<
        string,
        unknown
      >[];
      expect(deleted.map((d) => d.record_name)).toEqual(['Old Lead']);
    });

    it("names the form's choices when a single-value field is added to without Replace", async () => {
      const john = sim.seeded.john;
      const err = await failureOf(
        run(
          'creates.update_record.operation.perform',
          bundle({ folder_id: john.folderId, record_id: john.recordId, mode: 'add', fields__Name: 'Johnny' }),
        ),
      );
      expect(err.message).toMatch(
        /^NetHunt CRM could not add to "Name": it holds a single value and is not empty\. Choose "Replace the current values" under How To Change Fields, or put its current value under Values To Remove\.$/,
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
          /^Search Query: must be a field and its exact value, like `Primary Email Address:jane@example.com`/,
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
          '2 records in this folder have Name "twin", so Find or Create Record cannot tell which one to update. Search a field whose values are unique (like an email address), or pick the Record.',
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

    it('nethunt.md › Errors: a wrong API key gets the plain-text credentials body, shown as the message', async () => {
      const err = await failureOf(
        run('authentication.test', makeBundle({ username: 'john.doe@example.com', password: 'wrong' }, {})),
      );
      expect(err.name).toBe('ExpiredAuthError');
      expect(err.message).toContain(`(${NETHUNT_CREDENTIALS_TEXT})`);
    });

    it('nethunt.md › Errors: find-record without a search argument answers plain text', async () => {
      const res = await fetch(`${process.env.NETHUNT_BASE_URL}/searches/find-record/${sim.folders[0]!.id}`, {
        headers: {
          authorization: `Basic ${Buffer.from('john.doe@example.com:sandbox-nethunt-key').toString('base64')}`,
        },
      });
      expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
        400,
        'text/plain',
        NETHUNT_MISSING_SEARCH_TEXT,
      ]);
    });

    it('nethunt.md › Errors: Find Record with no match is an empty result', async () => {
      const folder_id = sim.folders[0]!.id;
      await expect(
        run('searches.find_record.operation.perform', bundle({ folder_id, query: 'Name:Nobody Here' })),
      ).resolves.toEqual([]);
    });

    it('nethunt.md › Field types and how to type values: NetHunt receives a number, a checkbox, a date and lists', async () => {
      const folder_id = sim.folders[0]!.id;
      const jane = sim.seeded.jane;
      const created = (await run(
        'creates.create_record.operation.perform',
        bundle({
          folder_id,
          fields__Name: 'Ada Lovelace',
          fields__Salary: '120000',
          fields__Employed: 'true',
          fields__Birthday: '1815-12-10T00:00:00+02:00',
          fields__Keywords: 'Mathematics',
          'fields__Co-workers': [jane.recordId],
        }),
      )) as { id: string };
      expect(sim.records.find((r) => r.recordId === created.id)!.fields).toEqual({
        Name: 'Ada Lovelace',
        Salary: 120000,
        Employed: true,
        Birthday: '1815-12-10',
        Keywords: ['Mathematics'],
        'Co-workers': [jane.recordId],
      });
      // The folder-field answer has names only; the inputs are typed from the records.
      const fields = (await run('creates.create_record.operation.inputFields', bundle({ folder_id }))) as {
        key: string;
        type?: string;
        list?: boolean;
      }[];
      expect(fields.find((f) => f.key === 'fields__Salary')?.type).toBe('number');
      expect(fields.find((f) => f.key === 'fields__Keywords')?.list).toBe(true);
    });

    it('nethunt.md › Request bodies and answers: Delete Record moves the record out; Deleted Record sees it', async () => {
      const { jane } = sim.seeded;
      const out = await run('creates.delete_record.operation.perform', bundle({ record_id: jane.recordId }));
      expect(out).toMatchObject({ id: jane.recordId, deleted: true, trash_item_id: '{}' });
      expect(sim.records.some((r) => r.recordId === jane.recordId)).toBe(false);
      const deleted = (await run(
        'triggers.deleted_record.operation.perform',
        bundle({ folder_id: jane.folderId, record_id: jane.recordId }),
      )) as { action: string; record_name: string }[];
      expect(deleted.map((d) => [d.action, d.record_name])).toEqual([['DELETE', 'Jane Doe']]);
      const again = await failureOf(
        run('creates.delete_record.operation.perform', bundle({ record_id: jane.recordId })),
      );
      expect(again.message).toBe(`NetHunt CRM could not find record ${jane.recordId}: Record not found`);
    });

    it.each([
      ['a thread id', '17c0a5f4e3d2b1a0'],
      ['a Gmail URL', 'https://mail.google.com/mail/u/0/#inbox/17c0a5f4e3d2b1a0'],
    ])('nethunt.md › Request bodies and answers: Add Gmail Thread to Record links %s', async (_what, given) => {
      const { john } = sim.seeded;
      const out = await run(
        'creates.link_gmail_thread.operation.perform',
        bundle({ record_id: john.recordId, gmail_thread: given }),
      );
      expect(out).toEqual({ id: john.recordId, gmail_thread_id: '17c0a5f4e3d2b1a0' });
      expect(sim.threads.get(john.recordId)).toEqual(['17c0a5f4e3d2b1a0']);
    });

    it('nethunt.md › Request bodies and answers: linking a Gmail thread that does not exist is an error', async () => {
      const err = await failureOf(
        run(
          'creates.link_gmail_thread.operation.perform',
          bundle({ record_id: sim.seeded.john.recordId, gmail_thread: 'ffffffffffffffff' }),
        ),
      );
      expect(err.message).toBe('NetHunt CRM rejected the request: Gmail thread ffffffffffffffff not found');
    });

    it("nethunt.md › Rules that matter for Zapier: New Call Log lists the folder's call logs newest first, one id each", async () => {
      const { jane } = sim.seeded;
      const logged = (await run(
        'creates.create_call_log.operation.perform',
        bundle({ record_id: jane.recordId, text: 'Follow-up', duration: '3' }),
      )) as { id: string };
      const out = (await run(
        'triggers.new_call_log.operation.perform',
        bundle({ folder_id: jane.folderId }),
      )) as Record<string, unknown>[];
      expect(out.map((c) => [c.id, c.record_id, c.text])).toEqual([
        [logged.id, jane.recordId, 'Follow-up'],
        [sim.callLogs[0]!.callLogId, sim.seeded.john.recordId, 'Intro call with John'],
      ]);
      expect(out[0]).toMatchObject({ duration: 3 });
      expect(out[0]).not.toHaveProperty('call_log_id');
    });

    it("nethunt.md › Request bodies and answers: New File outputs the Drive file's name, link and record", async () => {
      const file = sim.files[0]!;
      const out = (await run('triggers.new_file.operation.perform', bundle({ folder_id: file.folderId }))) as Record<
        string,
        unknown
      >[];
      expect(out).toEqual([
        {
          id: file.fileId,
          record_id: file.recordId,
          created_at: file.createdAt,
          name: file.name,
          link: file.webViewLink,
          web_view_link: file.webViewLink,
          mime_type: 'application/pdf',
        },
      ]);
    });
  });
});

import nethuntApp from 'nethunt-crm';
import { createNetHuntSimulator, NETHUNT_SANDBOX_CREDENTIALS } from '../simulators/nethunt';
import { idOf, nonEmpty } from './plan.helpers';
import { runSearchOrCreate } from '../searchOrCreate';
import type { TourPlan } from './tour.lib';

/** Every NetHunt operation, in the order a Zap builder meets them. */
export const nethuntPlan = (): TourPlan => {
  const sim = createNetHuntSimulator();
  const folder = sim.folders[0]!.id;
  const p = 'fields__';
  return {
    crm: 'nethunt',
    app: nethuntApp,
    authData: NETHUNT_SANDBOX_CREDENTIALS,
    server: sim.server,
    env: (baseUrl) => ({ NETHUNT_BASE_URL: baseUrl }),
    steps: [
      { name: 'auth test', method: 'authentication.test' },
      { name: 'list_readable_folders', method: 'triggers.list_readable_folders.operation.perform', expect: nonEmpty },
      { name: 'list_writable_folders', method: 'triggers.list_writable_folders.operation.perform', expect: nonEmpty },
      {
        name: 'list_folder_fields',
        method: 'triggers.list_folder_fields.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        // The record dropdown: the folder's records of the last year, by name.
        name: 'list_recent_records',
        method: 'triggers.list_recent_records.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'new_record',
        method: 'triggers.new_record.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'updated_record',
        method: 'triggers.updated_record.operation.perform',
        inputData: { folder_id: folder, field_names: ['Salary'] },
        expect: nonEmpty,
      },
      {
        name: 'new_comment',
        method: 'triggers.new_comment.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'new_call_log',
        method: 'triggers.new_call_log.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'new_file',
        method: 'triggers.new_file.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'record_change',
        method: 'triggers.record_change.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'new_or_updated_record',
        method: 'triggers.new_or_updated_record.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'deleted_record',
        method: 'triggers.deleted_record.operation.perform',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'find_record',
        method: 'searches.find_record.operation.perform',
        inputData: { folder_id: folder, query: 'Name:Doe', limit: 5 },
        expect: nonEmpty,
      },
      {
        // The hidden search behind Find or Create Record: only the record whose Name is exactly this.
        name: 'find_record_exact',
        method: 'searches.find_record_exact.operation.perform',
        inputData: { folder_id: folder, query: 'Name:John Doe' },
        expect: (r) => {
          if ((r as unknown[]).length !== 1) throw new Error('expected exactly John Doe');
        },
      },
      {
        name: 'create_record fields',
        method: 'creates.create_record.operation.inputFields',
        inputData: { folder_id: folder },
        expect: nonEmpty,
      },
      {
        name: 'create_record',
        method: 'creates.create_record.operation.perform',
        inputData: {
          folder_id: folder,
          [`${p}Name`]: 'Ada Lovelace',
          [`${p}Company`]: 'Analytical Engines Ltd',
          [`${p}Position`]: 'Chief Mathematician',
          [`${p}Phone`]: '+44 20 7946 0958',
          [`${p}Status`]: 'New',
          [`${p}Primary Email Address`]: 'ada@analyticalengines.co.uk',
          // Typed as the folder's records hold them: a number, a checkbox, a list.
          [`${p}Salary`]: '120000',
          [`${p}Employed`]: 'true',
          [`${p}Keywords`]: 'Mathematics',
        },
      },
      {
        name: 'update_record',
        method: 'creates.update_record.operation.perform',
        inputData: (ctx) => ({
          record_id: idOf(ctx, 'create_record'),
          folder_id: folder,
          mode: 'overwrite',
          [`${p}Name`]: 'Ada King',
          [`${p}Keywords`]: 'Analytical Engine',
        }),
      },
      {
        name: 'create_comment',
        method: 'creates.create_comment.operation.perform',
        inputData: (ctx) => ({
          folder_id: folder,
          record_id: idOf(ctx, 'create_record'),
          text: 'Met at the conference',
        }),
      },
      {
        name: 'create_call_log',
        method: 'creates.create_call_log.operation.perform',
        inputData: (ctx) => ({
          folder_id: folder,
          record_id: idOf(ctx, 'create_record'),
          text: 'Intro call',
          time: '2024-05-01T14:30:00+02:00',
          duration: '2.5',
        }),
      },
      {
        // A Gmail address is reduced to its thread id.
        name: 'link_gmail_thread',
        method: 'creates.link_gmail_thread.operation.perform',
        inputData: (ctx) => ({
          folder_id: folder,
          record_id: idOf(ctx, 'create_record'),
          gmail_thread: 'https://mail.google.com/mail/u/0/#inbox/17c0a5f4e3d2b1a0',
        }),
      },
      {
        name: 'find_or_create (miss: create)',
        method: 'searchOrCreates.find_record',
        custom: (run, bundle) =>
          runSearchOrCreate(nethuntApp, 'find_record', run, bundle, {
            search: { folder_id: folder, query: 'Name:Grace Hopper' },
            create: { folder_id: folder, [`${p}Name`]: 'Grace Hopper' },
          }),
        expect: (r) => {
          if ((r as { path: string }).path !== 'created') throw new Error('expected a create');
        },
      },
      {
        name: 'find_or_create (hit: update)',
        method: 'searchOrCreates.find_record',
        custom: (run, bundle) =>
          runSearchOrCreate(nethuntApp, 'find_record', run, bundle, {
            search: { folder_id: folder, query: 'Name:Grace Hopper' },
            create: { folder_id: folder, [`${p}Name`]: 'Grace Hopper' },
            update: { folder_id: folder, [`${p}Keywords`]: 'COBOL', mode: 'add' },
          }),
        expect: (r) => {
          if ((r as { path: string }).path !== 'updated') throw new Error('expected an update');
        },
      },
      {
        // Any endpoint, with the connection's auth: the folders it can read.
        name: 'api_request',
        method: 'creates.api_request.operation.perform',
        inputData: { method: 'GET', path: '/triggers/readable-folder' },
        expect: (r) => {
          if ((r as { status?: unknown }).status !== 200) throw new Error('expected status 200');
        },
      },
      {
        // Last: the record the earlier steps worked on is deleted.
        name: 'delete_record',
        method: 'creates.delete_record.operation.perform',
        inputData: (ctx) => ({ folder_id: folder, record_id: idOf(ctx, 'create_record') }),
      },
    ],
  };
};

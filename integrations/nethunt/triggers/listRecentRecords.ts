import { cachedForConnection, parseInput } from '@crm-zapier/kit';
import { defineInputFields, defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { CRM, nethunt, RECORD_PICKER_LOOK_BACK_DAYS } from '../src/client';
import { FolderInput, readableFolderField } from '../src/inputs';
import { newestRecords, recordChoice } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

const inputFields = defineInputFields([readableFolderField]);

/** Entries per dropdown page ("Load more" asks for the next). */
const PAGE_SIZE = 100;

const DAY_MS = 24 * 3600 * 1000;

/** How long the choices are kept for "Load more": ten minutes. */
const CHOICES_TTL = 600;

/**
 * The record dropdown: the folder's records created in the last year, newest first, labelled by
 * name. NetHunt lists no records but its new-record trigger (nethunt.md, "Endpoints"), whose order
 * is not documented, so the whole look-back is read (no `limit`) and each page cut from it here.
 * The first page reads NetHunt and keeps the choices for the connection; "Load more" cuts its page
 * from them (reading again only when they are gone), so a year of records is read once, not per page.
 */
const perform = (async (z, bundle) => {
  const { folder_id } = parseInput(z, FolderInput, bundle.inputData, inputFields);
  const page = bundle.meta?.page ?? 0;
  const choices = await cachedForConnection(
    z,
    CRM,
    `record-choices:${folder_id}`,
    CHOICES_TTL,
    async () => {
      const since = new Date(Date.now() - RECORD_PICKER_LOOK_BACK_DAYS * DAY_MS).toISOString();
      return newestRecords(await nethunt(z).newRecords(folder_id, { since }), 'createdAt').map(recordChoice);
    },
    { refresh: page === 0 },
  );
  return choices.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
}) satisfies PollingTriggerPerform<typeof inputFields, { id: string; name: string }>;

export default defineTrigger({
  key: 'list_recent_records',
  noun: 'Record',
  display: {
    label: 'List Recent Records',
    description: "Lists the folder's records of the last year by name, newest first, for dropdowns.",
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields,
    perform,
    sample: recordChoice(SAMPLE_RECORD),
    outputFields: [
      { key: 'id', label: 'Record ID' },
      { key: 'name', label: 'Record' },
    ],
  },
});

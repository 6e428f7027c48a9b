import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nethunt } from '../src/client';
import { recordField, recordFolderField, recordId } from '../src/inputs';
import { asFlatOutput } from '../src/map';
import { SAMPLE_RECORD } from '../src/samples';

export const inputFields = defineInputFields([
  recordFolderField,
  recordField,
  {
    key: 'gmail_thread',
    label: 'Gmail Thread',
    required: true,
    helpText:
      "The Gmail conversation to link to the record: its thread ID (like `1234567890abcdef`, e.g. from a Gmail trigger), or the thread's address copied from Gmail (`https://mail.google.com/mail/u/0/#inbox/…`), from which the ID is taken.",
  },
]);

/** A Gmail thread id: letters, digits, `-` and `_` (Gmail's hex ids, and the ids its addresses end with). */
const THREAD_ID = /^[A-Za-z0-9_-]+$/;

/** A URL fragment, decoded; as it is when it holds a `%` that is not an escape. */
const decodedFragment = (hash: string): string => {
  const fragment = hash.replace(/^#/, '').replace(/\?.*$/, '');
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/** The thread part of what the user gave: the value itself, or what a Gmail address points at. */
const threadToken = (value: string): string | undefined => {
  if (!/^https?:\/\//i.test(value)) return value;
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (url.hostname.toLowerCase() !== 'mail.google.com') return undefined;
  // The fragment is "<view>/<id>" (or "<view>/<label or query>/<id>"): a lone view has no thread.
  const parts = decodedFragment(url.hash).split('/').filter(Boolean);
  return url.searchParams.get('th') ?? (parts.length >= 2 ? parts.at(-1) : undefined);
};

/**
 * The thread id in what the user gave: the id itself, or a Gmail address ending in it
 * (`#inbox/<id>`, `#label/Clients/<id>`, `?th=<id>`). `thread-f:<decimal>` is Gmail's decimal
 * form of the same 64-bit id, turned into the hex the API uses. Undefined when there is none.
 */
const gmailThreadIdOf = (value: string): string | undefined => {
  const token = threadToken(value.trim());
  const decimal = token ? /^thread-f:(?<id>\d{1,20})$/.exec(token)?.groups?.id : undefined;
  if (decimal) return BigInt(decimal).toString(16);
  return token && THREAD_ID.test(token) ? token : undefined;
};

const LinkGmailThreadInput = z.object({
  record_id: recordId(),
  gmail_thread: inputs.text().transform((v, ctx) => {
    const id = gmailThreadIdOf(v);
    if (id) return id;
    ctx.addIssue({
      code: 'custom',
      message: 'must be a Gmail thread ID (like 1234567890abcdef) or the address of a thread opened in Gmail',
    });
    return z.NEVER;
  }),
});

/** What NetHunt answered (undocumented: every key kept), with the record and thread it linked. */
const flattenLinked = (answer: Record<string, unknown>, recordId: string, gmailThreadId: string) => ({
  ...asFlatOutput(answer),
  id: recordId,
  gmail_thread_id: gmailThreadId,
});

const perform = (async (z, bundle) => {
  const input = parseInput(z, LinkGmailThreadInput, bundle.inputData, inputFields);
  const answer = await nethunt(z).linkGmailThread(input.record_id, input.gmail_thread);
  return flattenLinked(answer, input.record_id, input.gmail_thread);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'link_gmail_thread',
  noun: 'Gmail Thread',
  display: {
    label: 'Add Gmail Thread to Record',
    description: 'Links a Gmail conversation to a record, so its emails show on the record.',
  },
  operation: {
    inputFields,
    perform,
    sample: flattenLinked({}, SAMPLE_RECORD.recordId, '18e3b2a4c9d7f015'),
    outputFields: [
      { key: 'id', label: 'Record ID', type: 'string' },
      { key: 'gmail_thread_id', label: 'Gmail Thread ID', type: 'string' },
    ],
  },
});

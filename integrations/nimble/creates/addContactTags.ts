import { inputs, parseInput } from '@crm-zapier/kit';
import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { z } from 'zod';
import { nimble } from '../src/client';
import { flatContact } from '../src/contacts';
import { contactCustomOutputFields, contactIdField, tagList } from '../src/inputs';
import { contactOutputFields, flattenContact, staticSample, tagNames } from '../src/map';
import { CONTACT } from '../src/samples';

export const inputFields = defineInputFields([
  contactIdField,
  {
    key: 'tags',
    label: 'Tags',
    list: true,
    required: true,
    helpText: 'The tags to put on the contact, one per line. A tag that does not exist yet is created.',
  },
  {
    key: 'mode',
    label: 'Existing Tags',
    required: false,
    default: 'add',
    choices: [
      { value: 'add', label: 'Keep them and add these', sample: 'add' },
      { value: 'replace', label: 'Replace them with these', sample: 'replace' },
    ],
    helpText:
      "**Keep** adds your tags to the contact's current ones; **Replace** leaves the contact with exactly the tags above.",
  },
]);

const AddTagsInput = z.object({
  contact_id: inputs.id(),
  tags: tagList().pipe(z.array(z.string()).min(1, 'needs at least one tag')),
  mode: inputs.optional(z.enum(['add', 'replace'])).transform((v) => v ?? 'add'),
});

/** `current` followed by the new tags it lacks (compared without case), each once. */
const mergeTags = (current: string[], added: string[]): string[] => {
  const seen = new Set<string>();
  return [...current, ...added].filter((t) => {
    const k = t.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/**
 * The tags endpoint answers the contact (OpenAPI document) or `{}` (Nimble's legacy docs): nimble.md
 * §1b. On `{}` the output is the contact read before the change with the tags just set ("Keep" read it
 * anyway), or, for "Replace", the contact read back once.
 */
const perform = (async (z, bundle) => {
  const input = parseInput(z, AddTagsInput, bundle.inputData, inputFields);
  const api = nimble(z);
  const before = input.mode === 'add' ? (await api.getContact(input.contact_id))[0] : undefined;
  const tags = mergeTags(tagNames(before?.tags), input.tags);
  const answer = await api.setContactTags(input.contact_id, tags);
  const contact = answer ?? (before ? { ...before, tags } : (await api.getContact(input.contact_id))[0]);
  if (!contact) {
    throw new z.errors.Error(
      'Nimble set the tags, but the contact could not be read back to show them: check it in Nimble.',
      'InvalidResponse',
      502,
    );
  }
  return flatContact(z, contact);
}) satisfies CreatePerform<typeof inputFields>;

export default defineCreate({
  key: 'add_contact_tags',
  noun: 'Tag',
  display: {
    label: 'Add Tags to Contact',
    description: 'Adds tags to a contact, keeping its other tags (or replacing them, if you choose).',
  },
  operation: {
    inputFields,
    perform,
    // "Keep" reads the contact's tags and writes them back with the new ones: two runs on one contact at
    // once would each write what they read, and the second would drop the first's tags. Runs for one
    // contact on one connection go one at a time (Zapier's infrastructure, not core).
    lock: { key: 'nimble:contact_tags:{{bundle.inputData.contact_id}}', scope: ['auth'], timeout: 30 },
    sample: staticSample(flattenContact(CONTACT)),
    outputFields: [...contactOutputFields, contactCustomOutputFields],
  },
});

import type { ZObject } from 'zapier-platform-core';
import { CRM, nimble } from './client';
import { type ChoiceLabels, flattenContact, flattenContactUpdate, hasCustomFields } from './map';
import type { NimbleContact } from './schemas';

/**
 * The option labels of the account's drop-down fields, when one of `contacts` has fields of the
 * account's own (else no request). A failure only costs the labels: a contact just created or
 * changed is still output (an error would make the user repeat a write that succeeded).
 */
const labelsFor = async (z: ZObject, contacts: NimbleContact[]): Promise<ChoiceLabels | undefined> => {
  if (!contacts.some(hasCustomFields)) return undefined;
  try {
    return await nimble(z).contactChoiceLabels();
  } catch (err) {
    z.console.log(`${CRM}: the drop-down fields' labels could not be read: ${(err as Error).message}`);
    return undefined;
  }
};

/** Contacts as flat outputs, each drop-down field's option label beside its id. */
export const flatContacts = async (z: ZObject, contacts: NimbleContact[]) => {
  const labels = await labelsFor(z, contacts);
  return contacts.map((c) => flattenContact(c, labels));
};

/** One contact as a flat output, its drop-down fields' option labels beside their ids. */
export const flatContact = async (z: ZObject, contact: NimbleContact) => (await flatContacts(z, [contact]))[0]!;

/** Contact changes as flat update events (`flattenContactUpdate`), with the option labels. */
export const flatContactUpdates = async (z: ZObject, contacts: NimbleContact[]) => {
  const labels = await labelsFor(z, contacts);
  return contacts.map((c) => flattenContactUpdate(c, labels));
};

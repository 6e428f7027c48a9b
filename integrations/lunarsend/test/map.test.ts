import { z } from 'zod';
import { successMessage } from '../src/client';
import { readLunarSendError } from '../src/errors';
import { contactChoice, contactValues, exactFirst, flattenContact, flattenDeal } from '../src/map';
import { objectOrSingleton } from '../src/schemas';
import { CONTACT, DEAL, SEARCH_CONTACT } from '../src/samples';

describe('map and schemas (no HTTP)', () => {
  it('objectOrSingleton accepts an object or a one-element array, and nothing else', () => {
    const s = objectOrSingleton(z.object({ a: z.number() }));
    expect(s.parse({ a: 1 })).toEqual({ a: 1 });
    expect(s.parse([{ a: 2 }])).toEqual({ a: 2 });
    expect(s.safeParse([]).success).toBe(false);
    expect(s.safeParse([{ a: 1 }, { a: 2 }]).success).toBe(false);
  });

  it('flattens a contact and a search result to the same keys, with id from contact_id', () => {
    const a = flattenContact(CONTACT);
    const b = flattenContact(SEARCH_CONTACT);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(b.id).toBe(SEARCH_CONTACT.contact_id);
    expect(a.full_name).toBe('Joe Doe');
    expect(flattenContact({ ...CONTACT, first_name: 'Cher', last_name: null }).full_name).toBe('Cher');
  });

  it('keeps every output flat: scalars and lists of scalars only', () => {
    for (const out of [flattenContact(SEARCH_CONTACT), flattenDeal(DEAL)]) {
      for (const value of Object.values(out)) {
        const items = Array.isArray(value) ? value : [value];
        for (const item of items)
          expect(['string', 'number', 'boolean'].includes(typeof item) || item === null).toBe(true);
      }
    }
  });

  it('labels a contact choice by name and email, or whatever it has', () => {
    expect(contactChoice(SEARCH_CONTACT).name).toBe('Elena Moreno (elena.moreno@outlook.com)');
    expect(contactChoice({ contact_id: 'c1', phone: null }).name).toBe('c1');
  });

  it('puts exact matches first, keeping the order otherwise', () => {
    const items = [{ v: 'Acme Corp' }, { v: 'acme' }, { v: 'Acme Inc' }, { v: 'ACME' }];
    expect(exactFirst(items, ' Acme', (i) => [i.v]).map((i) => i.v)).toEqual(['acme', 'ACME', 'Acme Corp', 'Acme Inc']);
    expect(contactValues(SEARCH_CONTACT, 'tag')).toEqual(['Lead']);
  });

  it('reads both LunarSend error bodies', () => {
    expect(readLunarSendError({ error: 'duplicate_email', message: 'Email exists' })).toEqual({
      message: 'Email exists [duplicate_email]',
    });
    expect(readLunarSendError({ status: 'error', error: 'Invalid stage' })).toEqual({ message: 'Invalid stage' });
    expect(readLunarSendError([{ status: 'error', error: 'In an array' }])).toEqual({ message: 'In an array' });
    expect(readLunarSendError('plain text')).toEqual({ message: 'plain text' });
    expect(readLunarSendError({ message: 'Same', error: 'Same' })).toEqual({ message: 'Same' });
  });

  it('reads a delete answer in any of its forms', () => {
    expect(successMessage('Document deleted successfully')).toBe('Document deleted successfully');
    expect(successMessage('"Document deleted successfully"')).toBe('Document deleted successfully');
    expect(successMessage('{"message":"Deleted"}')).toBe('Deleted');
    expect(successMessage('{"success":true}')).toBe('');
    expect(successMessage('<html></html>')).toBe('');
    expect(successMessage(undefined)).toBe('');
  });
});

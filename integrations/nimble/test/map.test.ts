import {
  dealFieldKey,
  dealFieldValues,
  flattenContact,
  parseJsonValue,
  tagNames,
  toContactFields,
  toTagList,
} from '../src/map';
import { CONTACT } from '../src/samples';

describe('contact mapping', () => {
  it('reads addresses written as JSON or, as in the guide, with single quotes', () => {
    expect(parseJsonValue('{"city": "Riga"}')).toEqual({ city: 'Riga' });
    expect(parseJsonValue("{'city': 'Dushanbe', 'zip': '54055'}")).toEqual({ city: 'Dushanbe', zip: '54055' });
    expect(parseJsonValue('not json')).toBeUndefined();
  });

  it('normalises tags from either documented shape', () => {
    expect(tagNames(['a', { tag: 'b', id: 'x' }])).toEqual(['a', 'b']);
    expect(tagNames(undefined)).toEqual([]);
  });

  it('takes the primary value first and keeps every value in the list', () => {
    const out = flattenContact({
      ...CONTACT,
      fields: {
        ...CONTACT.fields,
        email: [
          { value: 'b@x.co', modifier: 'work' },
          { value: 'a@x.co', modifier: 'personal', is_primary: true },
        ],
      },
    });
    expect(out).toMatchObject({ email: 'a@x.co', emails: ['b@x.co', 'a@x.co'], email_work: 'b@x.co' });
  });

  it('escapes commas inside tags', () => {
    expect(toTagList(['our customers', 'best,premium'])).toBe('our customers,best\\,premium');
  });

  it('sends nothing for empty inputs', () => {
    expect(toContactFields({}, 'person')).toEqual({});
  });
});

describe('deal field values', () => {
  it('reads the map, the single-object and the list forms', () => {
    expect(dealFieldValues({ name: [{ value: 'A' }], amount: [{ value: '5' }] })).toEqual({
      name: ['A'],
      amount: ['5'],
    });
    expect(dealFieldValues({ field_name: 'amount', values: [{ value: '10', is_primary: true }] })).toEqual({
      amount: ['10'],
    });
    expect(dealFieldValues([{ field_id: 'f1', values: [{ value: 'x' }] }])).toEqual({ f1: ['x'] });
    expect(dealFieldValues(undefined)).toEqual({});
  });
});

describe('deal field keys', () => {
  it('are stable snake_case keys of the names the user chose, a hash for names without letters', () => {
    expect(dealFieldKey('Primary Email Address')).toMatch(/primary_email_address$/);
    expect(dealFieldKey('Café Nº')).toMatch(/cafe_no$/);
    expect(dealFieldKey('✓')).toMatch(/field_[0-9a-z]+$/);
  });
});

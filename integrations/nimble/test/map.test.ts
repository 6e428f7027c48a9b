import {
  choiceLabelsOf,
  dealFieldKey,
  dealFieldValues,
  flattenContact,
  parseJsonValue,
  tagNames,
  toContactFields,
  toTagList,
} from '../src/map';
import { CONTACT, CONTACT_FIELDS } from '../src/samples';
import { FieldsMetadataSchema } from '../src/schemas';

describe('contact mapping', () => {
  it('reads addresses written as JSON or, as in the guide, with single quotes', () => {
    expect(parseJsonValue('{"city": "Riga"}')).toEqual({ city: 'Riga' });
    expect(parseJsonValue("{'city': 'Dushanbe', 'zip': '54055'}")).toEqual({ city: 'Dushanbe', zip: '54055' });
    expect(parseJsonValue('not json')).toBeUndefined();
  });

  it("outputs a drop-down field's option label beside its id: one, several, or none for an id the field does not list", () => {
    const labels = choiceLabelsOf(FieldsMetadataSchema.parse(CONTACT_FIELDS));
    expect(labels).toEqual({ 'lead status': { '1': 'Open', '2': 'Contacted', '3': 'Qualified', '4': 'Unqualified' } });
    const fv = (value: string) => ({ value, modifier: '' });
    const out = (values: { value: string; modifier: string }[]) =>
      flattenContact({ ...CONTACT, fields: { 'lead status': values, source: [fv('csv')] } }, labels);
    expect(out([fv('3')])).toMatchObject({ 'fields__lead status': '3', 'fields__lead status__label': 'Qualified' });
    expect(out([fv('1'), fv('4')])).toMatchObject({
      'fields__lead status': ['1', '4'],
      'fields__lead status__label': ['Open', 'Unqualified'],
    });
    expect(out([fv('9')])).toMatchObject({ 'fields__lead status': '9', 'fields__lead status__label': null });
    // Not a drop-down: no label key.
    expect(Object.keys(out([fv('3')]))).not.toContain('fields__source__label');
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

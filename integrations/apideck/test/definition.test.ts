import App from '../index';
import { addressText, flattenChannels, phoneText } from '../src/map';

type Op = { display: { hidden?: boolean }; operation: { sample?: object; outputFields?: unknown[] } };

const operations = (): [string, Op][] =>
  (['triggers', 'searches', 'creates'] as const).flatMap((kind) =>
    Object.entries((App[kind] ?? {}) as Record<string, Op>).map(([key, op]) => [`${kind}.${key}`, op] as [string, Op]),
  );

describe('app definition', () => {
  it.each(operations())(
    '%s: every sample key has a labelled output field, and every output field is in the sample',
    (_name, op) => {
      // Functions label per-account keys (custom fields): no sample can hold those.
      const fields = (op.operation.outputFields ?? []).filter((f) => typeof f !== 'function') as {
        key: string;
        label?: string;
      }[];
      const sampleKeys = Object.keys(op.operation.sample ?? {}).sort();
      expect(fields.map((f) => f.key).sort()).toEqual(sampleKeys);
      for (const f of fields) expect(f.label).toMatch(/^[A-Z]/);
    },
  );

  it('sample outputs are flat: scalars and lists of scalars only', () => {
    for (const [, op] of operations()) {
      for (const value of Object.values(op.operation.sample ?? {})) {
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) expect(item === null || typeof item !== 'object').toBe(true);
      }
    }
  });
});

describe('map', () => {
  it('flattens channels: the primary (else first) item, one key per type, the full lists', () => {
    const out = flattenChannels({
      emails: [
        { email: 'b@x.co', type: 'work' },
        { email: 'a@x.co', type: 'personal' },
        { email: '', type: 'primary' },
      ],
      phone_numbers: [{ number: '555', type: 'direct-dial-in', extension: '9' }],
      addresses: [{ string: 'Somewhere 1, Town' }],
      websites: [{ url: 'https://x.co', type: 'work' }],
    });
    expect(out).toMatchObject({
      email: 'b@x.co',
      email_primary: null,
      email_work: 'b@x.co',
      email_personal: 'a@x.co',
      emails: ['b@x.co', 'a@x.co'],
      phone_number: '555 ext. 9',
      phone_direct_dial_in: '555 ext. 9',
      address: 'Somewhere 1, Town',
      address_city: null,
      addresses: ['Somewhere 1, Town'],
      website: 'https://x.co',
      websites: ['https://x.co'],
      tags: [],
    });
  });

  it('writes phones and addresses as one line', () => {
    expect(phoneText({ country_code: '+1', area_code: '323', number: '111' })).toBe('+1 323 111');
    expect(phoneText({ number: ' ' })).toBeNull();
    expect(
      addressText({ line1: 'Main street', street_number: '25', city: 'SF', postal_code: '94104', country: 'US' }),
    ).toBe('25 Main street, 94104 SF, US');
  });
});

import { asRecord, booleanText, clip, codeAsWords, nonBlank, sinceFor } from '../src';

describe('text helpers', () => {
  it('codeAsWords spells out a bare error code and leaves sentences alone', () => {
    expect(codeAsWords('email_verification_required')).toBe('Email verification required');
    expect(codeAsWords('invalid-contact')).toBe('Invalid contact');
    expect(codeAsWords('A contact with this email exists.')).toBe('A contact with this email exists.');
    expect(codeAsWords('forbidden')).toBe('forbidden');
  });

  it('nonBlank trims text and drops blanks and non-text', () => {
    expect([nonBlank('  Ada '), nonBlank('   '), nonBlank(''), nonBlank(42), nonBlank(null)]).toEqual([
      'Ada',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('asRecord takes plain objects only', () => {
    expect([asRecord({ a: 1 }), asRecord([1]), asRecord(null), asRecord('x')]).toEqual([
      { a: 1 },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('clip keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('0123456789abc', 10)).toBe('012345678…');
    expect(clip('x'.repeat(301))).toHaveLength(300);
  });

  it.each([
    [true, true],
    [false, false],
    ['yes', true],
    ['No', false],
    [' TRUE ', true],
    ['0', false],
    [1, true],
    ['maybe', undefined],
    ['', undefined],
    [null, undefined],
  ])('booleanText(%j) is %j', (value, expected) => {
    expect(booleanText(value)).toBe(expected);
  });
});

describe('sinceFor', () => {
  const now = Date.parse('2026-11-30T12:00:00.000Z');
  const meta = (m: object) => ({ meta: m }) as Parameters<typeof sinceFor>[0];

  it('a regular poll looks back pollDays, or leaves the window to the CRM without them', () => {
    expect(sinceFor(meta({}), { pollDays: 7, sampleDays: 30 }, now)).toBe('2026-11-23T12:00:00.000Z');
    expect(sinceFor(meta({}), { sampleDays: 30 }, now)).toBeUndefined();
  });

  it.each(['isLoadingSample', 'isPopulatingDedupe'])('%s looks back sampleDays', (flag) => {
    expect(sinceFor(meta({ [flag]: true }), { sampleDays: 30 }, now)).toBe('2026-10-31T12:00:00.000Z');
  });
});

import { z as zod } from 'zod';
import { describeIssues, inputs } from '../src';

const describe1 = (schema: zod.ZodType, value: unknown): string => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to fail');
  return describeIssues(parsed.error.issues);
};

/** An object, or a one-element array holding it (as LunarSend's answers come). */
const objectOrSingleton = <S extends zod.ZodType>(schema: S) =>
  zod.union([schema, zod.array(schema).length(1, 'expected exactly one item')]);

describe('describeIssues', () => {
  it('names what is missing inside a union, from the branch whose type matched', () => {
    const answer = objectOrSingleton(zod.object({ data: objectOrSingleton(zod.object({ id: zod.string() })) }));
    expect(describe1(answer, {})).toBe('data is missing');
    expect(describe1(answer, [{}])).toBe('[0].data is missing');
    expect(describe1(answer, { data: {} })).toBe('data.id is missing');
    expect(describe1(answer, { data: [{ id: 7 }] })).toBe(
      'data[0].id: Invalid input: expected string, received number',
    );
  });

  it('keeps the union issue when no branch matches the type', () => {
    expect(describe1(zod.union([zod.string(), zod.number()]), true)).toBe('the answer: Invalid input');
  });

  it('describes other issues as before', () => {
    expect(describe1(zod.object({ id: zod.string(), name: zod.string() }), { id: 42 })).toBe(
      'id: Invalid input: expected string, received number; name is missing',
    );
  });
});

describe('input rules refuse what would send a wrong request', () => {
  const check = (schema: zod.ZodType, value: unknown) => schema.safeParse(value).success;

  it('numbers must be finite: 1e999 and -Infinity would go out as null', () => {
    expect(check(inputs.number(), '1e999')).toBe(false);
    expect(check(inputs.number(), '-Infinity')).toBe(false);
    expect(check(inputs.number(), Number.POSITIVE_INFINITY)).toBe(false);
    expect(inputs.number().parse(' 12.5 ')).toBe(12.5);
  });

  it('ids must not be dots: "." and ".." change the endpoint', () => {
    expect(check(inputs.id(), '.')).toBe(false);
    expect(check(inputs.id(), ' .. ')).toBe(false);
    expect(check(inputs.id(), 'a\\b')).toBe(false);
    expect(inputs.id().parse('v1.2')).toBe('v1.2');
  });

  it('dates must be ISO 8601 as Zapier sends them, never a guess such as "1" → 2001-01-01', () => {
    for (const bad of ['1', '2024', 'tomorrow', '05/01/2024', '2024-13-45'])
      expect(check(inputs.isoDateTime(), bad)).toBe(false);
    for (const good of ['2024-05-01', '2024-05-01T14:30:00Z', '2024-05-01T14:30:00.000-05:00', '2024-05-01T14:30+0200'])
      expect(check(inputs.isoDateTime(), good)).toBe(true);
  });
});

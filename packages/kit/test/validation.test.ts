import { z as zod } from 'zod';
import { describeIssues } from '../src';

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

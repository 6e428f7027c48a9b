import { isLazy, lazySchema, schemaOf, zod } from '../src';

describe('lazySchema', () => {
  it('builds the schema once, on first use, with the zod namespace', () => {
    const build = jest.fn((z: ReturnType<typeof zod>) => z.object({ id: z.string() }));
    const Lazy = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(isLazy(Lazy)).toBe(true);
    expect(Lazy.schema.parse({ id: 'a' })).toEqual({ id: 'a' });
    expect(schemaOf(Lazy)).toBe(Lazy.schema);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('passes a plain zod schema through', () => {
    const plain = zod().string();
    expect(isLazy(plain)).toBe(false);
    expect(schemaOf(plain)).toBe(plain);
  });
});

import { newestFirst, toFlatValue, updateEventId } from '../src';

describe('flattening', () => {
  it('keeps scalar lists and turns objects into JSON text', () => {
    expect(toFlatValue(['p', 2, null])).toEqual(['p', 2, null]);
    expect(toFlatValue([{ h: 1 }])).toEqual(['{"h":1}']);
    expect(toFlatValue({ x: 1 })).toBe('{"x":1}');
    expect(toFlatValue(undefined)).toBeNull();
  });
});

describe('polling', () => {
  it('sorts newest first, undated last, stable for ties', () => {
    const items = [
      { id: 'a', t: '2024-01-01T00:00:00Z' },
      { id: 'b', t: undefined },
      { id: 'c', t: '2024-02-01T00:00:00Z' },
      { id: 'd', t: '2024-01-01T00:00:00Z' },
    ];
    expect(newestFirst(items, (i) => i.t).map((i) => i.id)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('ids updates by their time', () => {
    expect(updateEventId('r1', '2024-01-01T00:00:00.000Z')).toBe('r1-1704067200000');
    expect(updateEventId('r1', undefined)).toBe('r1');
  });
});

describe('flattening a deeply nested value', () => {
  it('cuts JSON text at 32 levels instead of overflowing the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`) as unknown;
    const text = toFlatValue(deep) as string;
    expect(text.startsWith('{"a":'.repeat(31))).toBe(true);
    expect(text).toContain('"[nested too deep]"');
    expect(text.length).toBeLessThan(300);
  });
});

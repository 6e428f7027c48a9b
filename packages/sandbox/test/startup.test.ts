/**
 * Cold start: loading an app must not load zod or build a schema (bench/RESULTS.md, section 1);
 * schemas are built on first use. A module mock that throws catches any start-up use.
 */
describe.each(['nethunt-crm', 'lunarsend', 'nimble', 'apideck-crm'])('%s at start-up', (name) => {
  it('loads without zod', () => {
    jest.isolateModules(() => {
      jest.doMock('zod', () => {
        throw new Error(`${name} loaded zod at start-up`);
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require(name)).not.toThrow();
    });
  });
});

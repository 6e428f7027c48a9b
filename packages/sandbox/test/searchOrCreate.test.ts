import type { MethodRunner } from '@crm-zapier/kit';
import { runSearchOrCreate } from '../src/searchOrCreate';

/** A find-or-create whose search answers two near matches; the runner's calls are recorded. */
const setup = (constraint?: Record<string, unknown>, withUpdate = true) => {
  const calls: { method: string; inputData: unknown }[] = [];
  const app = {
    searchOrCreates: {
      find_widget: {
        search: 'find_widget',
        create: 'create_widget',
        ...(withUpdate ? { update: 'update_widget', updateInputFromSearchOutput: { widget_id: 'id' } } : {}),
        ...(constraint ? { searchUniqueInputToOutputConstraint: constraint } : {}),
      },
    },
  };
  const run: MethodRunner = async (method, bundle) => {
    const { inputData } = bundle as { inputData: Record<string, unknown> };
    calls.push({ method, inputData });
    if (method.startsWith('searches.')) {
      return [
        { id: '1', email: 'ann.lee@example.com' },
        { id: '2', email: 'lee@example.com' },
      ];
    }
    return { id: method.includes('update') ? inputData.widget_id : '3' };
  };
  const go = (search: Record<string, unknown>) =>
    runSearchOrCreate(app, 'find_widget', run, { authData: {}, meta: {} }, { search, create: {}, update: { x: 1 } });
  return { calls, go };
};

describe("the sandbox's Find or Create runner", () => {
  it('updates only a result whose output equals the input, as searchUniqueInputToOutputConstraint says', async () => {
    const { calls, go } = setup({ email: 'email' });
    expect(await go({ email: 'lee@example.com' })).toEqual({ path: 'updated', matches: 2, result: { id: '2' } });
    expect(calls[1]).toEqual({
      method: 'creates.update_widget.operation.perform',
      inputData: { x: 1, widget_id: '2' },
    });
  });

  it('creates when no result equals the input', async () => {
    const { calls, go } = setup({ email: 'email' });
    expect(await go({ email: 'lee@example.org' })).toMatchObject({ path: 'created', matches: 2 });
    expect(calls.map((c) => c.method)).toEqual([
      'searches.find_widget.operation.perform',
      'creates.create_widget.operation.perform',
    ]);
  });

  it('filters nothing by an input left blank, or without a constraint', async () => {
    expect(await setup({ email: 'email' }).go({ name: 'Lee' })).toMatchObject({
      path: 'updated',
      result: { id: '1' },
    });
    expect(await setup().go({ email: 'lee@example.com' })).toMatchObject({ path: 'updated', result: { id: '1' } });
  });

  it("refuses a constraint without an update, as Zapier's schema does, before any request", async () => {
    const { calls, go } = setup({ email: 'email' }, false);
    await expect(go({ email: 'lee@example.com' })).rejects.toThrow(
      'searchOrCreates.find_widget: updateInputFromSearchOutput and searchUniqueInputToOutputConstraint need an update',
    );
    expect(calls).toEqual([]);
  });

  it('without an update, finds the first result the search answers', async () => {
    const { calls, go } = setup(undefined, false);
    expect(await go({ email: 'lee@example.com' })).toEqual({
      path: 'found',
      matches: 2,
      result: { id: '1', email: 'ann.lee@example.com' },
    });
    expect(calls.map((c) => c.method)).toEqual(['searches.find_widget.operation.perform']);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LAB_DRAFTS_DB, openLabDrafts } from '../../src/storage/index.ts';
import type { LabDraft, LabDraftStore } from '../../src/storage/index.ts';

let opened: LabDraftStore[] = [];
let counter = 0;

async function fresh(): Promise<LabDraftStore> {
  counter += 1;
  const store = await openLabDrafts(`lab-drafts-test-${counter}`);
  opened.push(store);
  return store;
}

const draft = (id: string, updatedAt: number, text = 'id: x\n'): LabDraft => ({
  id,
  name: `Draft ${id}`,
  text,
  createdAt: 1,
  updatedAt,
});

afterEach(() => {
  for (const store of opened) store.close();
  opened = [];
});

describe('the Lab drafts store (IndexedDB)', () => {
  it('keeps drafts across connections, most recently edited first', async () => {
    const name = `lab-drafts-test-reopen`;
    const first = await openLabDrafts(name);
    await first.put(draft('a', 10));
    await first.put(draft('b', 30));
    await first.put(draft('c', 20));
    first.close();
    const again = await openLabDrafts(name);
    opened.push(again);
    expect((await again.list()).map((d) => d.id)).toEqual(['b', 'c', 'a']);
  });

  it('replaces a draft by id, so autosave never duplicates', async () => {
    const store = await fresh();
    await store.put(draft('a', 10, 'one'));
    await store.put(draft('a', 11, 'two'));
    const all = await store.list();
    expect(all).toHaveLength(1);
    expect((await store.get('a'))?.text).toBe('two');
  });

  it('renames and deletes', async () => {
    const store = await fresh();
    await store.put(draft('a', 10));
    expect(await store.rename('a', 'Late parcel', 50)).toBe(true);
    expect(await store.get('a')).toMatchObject({
      name: 'Late parcel',
      updatedAt: 50,
      text: 'id: x\n',
    });
    expect(await store.rename('missing', 'x', 1)).toBe(false);
    await store.remove('a');
    expect(await store.list()).toEqual([]);
  });

  it('lives in a database of its own, apart from the history', () => {
    expect(LAB_DRAFTS_DB.name).not.toBe('service-dojo');
  });
});

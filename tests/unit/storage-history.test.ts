import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreTranscript } from '../../src/engine/index.ts';
import type { Scenario, Transcript } from '../../src/engine/index.ts';
import {
  HISTORY_FILE_FORMAT,
  HISTORY_FILE_VERSION,
  historyFileName,
  historyRecord,
  newRecordId,
  openHistory,
  recordNow,
  sharedHistory,
} from '../../src/storage/index.ts';
import type { HistoryFile, HistoryRecord, HistoryStore } from '../../src/storage/index.ts';
import { miniCall } from '../support/fixtures.ts';
import { choose, silence, transcriptOf } from '../support/transcripts.ts';

const scenario = miniCall();
const scenarios: readonly Scenario[] = [scenario];

const BEST = ['listen', 'apologise', 'refund-today', 'call-back'];
const WORST = ['policy'];

function transcript(choices: readonly string[]): Transcript {
  return transcriptOf(scenario, [...choices.map((id) => choose(id))]);
}

function record(id: string, date: string, choices: readonly string[]): HistoryRecord {
  const played = transcript(choices);
  const scored = scoreTranscript(scenario, played);
  if (!scored.ok) throw new Error(scored.error.message);
  return historyRecord(played, scored.scorecard, { id, date });
}

const best = record('b', '2025-03-02T10:00:00.000Z', BEST);
const worst = record('a', '2025-03-01T10:00:00.000Z', WORST);

let databases = 0;
const open: HistoryStore[] = [];
/** A fresh database per test; `again` opens a second connection to the same one (a reload). */
async function fresh() {
  const name = `history-test-${++databases}`;
  const connect = async () => {
    const store = await openHistory(name);
    open.push(store);
    return store;
  };
  return { store: await connect(), again: connect };
}

afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/** A transcript as format 1 wrote it: no seed, no recorded order. */
function legacyTranscript(played: Transcript): unknown {
  const rest: Partial<Transcript> = { ...played };
  delete rest.seed; // format 1 had no seed
  return {
    ...rest,
    formatVersion: 1,
    events: played.events.map(({ shown: _shown, ...event }) => event),
  };
}

function exported(records: readonly unknown[]): string {
  return JSON.stringify({
    format: HISTORY_FILE_FORMAT,
    formatVersion: HISTORY_FILE_VERSION,
    exportedAt: '2025-03-03T00:00:00.000Z',
    records,
  });
}

describe('the history store', () => {
  it('keeps records across connections, as a page reload would', async () => {
    const { store, again } = await fresh();
    expect(await store.add(best)).toBe(true);
    store.close();
    const reloaded = await again();
    expect(await reloaded.all()).toEqual([best]);
  });

  it('refuses a second record with the same id and leaves the first untouched', async () => {
    const { store } = await fresh();
    await store.add(best);
    expect(await store.add({ ...worst, id: best.id })).toBe(false);
    expect(await store.all()).toEqual([best]);
  });

  it('lists oldest first, filters by scenario and knows the best score', async () => {
    const { store } = await fresh();
    const other = {
      ...worst,
      id: '0',
      date: '2025-03-05T10:00:00.000Z',
      summary: { ...worst.summary, scenarioId: 'other' },
    };
    await store.add(best);
    await store.add(worst);
    await store.add(other);
    expect((await store.all()).map((r) => r.id)).toEqual(['a', 'b', '0']);
    expect((await store.forScenario(scenario.id)).map((r) => r.id)).toEqual(['a', 'b']);
    expect(best.summary.total).toBeGreaterThan(worst.summary.total);
    expect(await store.bestScore(scenario.id)).toBe(best.summary.total);
    expect(await store.bestScore('never-played')).toBeNull();
  });

  it('clears everything', async () => {
    const { store, again } = await fresh();
    await store.add(best);
    await store.clear();
    expect(await (await again()).all()).toEqual([]);
  });
});

describe('upgrading a history kept before answers were shuffled', () => {
  it('migrates every record’s transcript to format 2 and keeps its summary', async () => {
    const name = `history-test-${++databases}`;
    // The game as it was: database version 1, transcripts of format 1.
    const old = await openDB(name, 1, {
      upgrade(database) {
        database
          .createObjectStore('history', { keyPath: 'id' })
          .createIndex('byScenario', 'summary.scenarioId');
      },
    });
    await old.put('history', { ...best, transcript: legacyTranscript(best.transcript) });
    old.close();
    const store = await openHistory(name);
    open.push(store);
    const [kept] = await store.all();
    expect(kept?.transcript).toMatchObject({ formatVersion: 2, seed: null });
    expect(kept?.transcript.events.every((event) => event.shown.length === 0)).toBe(true);
    expect(kept?.summary).toEqual(best.summary);
    const replayed = scoreTranscript(scenario, kept?.transcript as Transcript);
    expect(replayed.ok).toBe(true);
  });
});

describe('export and import', () => {
  it('round-trips: everything exported comes back identical in another database', async () => {
    const source = (await fresh()).store;
    await source.add(best);
    await source.add(worst);
    const text = await source.exportJson('2025-03-03T00:00:00.000Z');
    const file = JSON.parse(text) as HistoryFile;
    expect(file).toMatchObject({
      format: 'service-dojo/history',
      formatVersion: 2,
      exportedAt: '2025-03-03T00:00:00.000Z',
    });
    expect(file.records).toHaveLength(2);

    const target = (await fresh()).store;
    expect(await target.importJson(text, scenarios)).toEqual({ added: 2, skipped: 0, errors: [] });
    expect(await target.all()).toEqual(await source.all());
    expect(await target.importJson(text, scenarios)).toEqual({ added: 0, skipped: 2, errors: [] });
    expect(await target.all()).toHaveLength(2);
  });

  it('skips a record whose id is repeated within the file', async () => {
    const { store } = await fresh();
    const report = await store.importJson(exported([best, { ...worst, id: best.id }]), scenarios);
    expect(report).toEqual({ added: 1, skipped: 1, errors: [] });
    expect(await store.all()).toEqual([best]);
  });

  it('replaces a forged score with the one the engine computes from the transcript', async () => {
    const { store } = await fresh();
    const forged = {
      ...worst,
      summary: { ...worst.summary, total: 100, grade: 'A', outcome: 'good' },
    };
    expect(await store.importJson(exported([forged]), scenarios)).toMatchObject({ added: 1 });
    const [kept] = await store.all();
    expect(kept?.summary).toEqual(worst.summary);
    expect(kept?.summary.total).toBeLessThan(40);
    expect(await store.bestScore(scenario.id)).toBe(worst.summary.total);
  });

  it('rejects a transcript that does not match the schema, naming the record and the field', async () => {
    const { store } = await fresh();
    const tampered = {
      ...best,
      id: 'tampered',
      transcript: { ...best.transcript, events: [{ ...choose('listen'), elapsedMs: -5 }] },
    };
    const report = await store.importJson(exported([worst, tampered]), scenarios);
    expect(report.added).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/^Record 2 does not match the history format/);
    expect(report.errors[0]).toContain('transcript.events.0.elapsedMs');
    expect(await store.all()).toEqual([worst]);
  });

  it('rejects extra fields smuggled into a transcript', async () => {
    const { store } = await fresh();
    const smuggled = { ...best, transcript: { ...best.transcript, score: 100 } };
    const report = await store.importJson(exported([smuggled]), scenarios);
    expect(report.added).toBe(0);
    expect(report.errors[0]).toMatch(/Record 1 does not match the history format: transcript/);
  });

  it('rejects a well-formed transcript the scenario would not accept', async () => {
    const { store } = await fresh();
    const impossible = { ...best, transcript: transcript(['policy', 'listen']) };
    const report = await store.importJson(exported([impossible]), scenarios);
    expect(report).toMatchObject({ added: 0, skipped: 0 });
    expect(report.errors[0]).toMatch(/^Record 1 \(id "b"\): the transcript does not replay/);
    expect(report.errors[0]).toContain('after the call ended');
  });

  it('rejects a transcript whose recorded answer order is not its seed’s', async () => {
    const { store } = await fresh();
    const [first, ...rest] = best.transcript.events;
    if (!first) throw new Error('no events');
    const reordered = {
      ...best,
      transcript: {
        ...best.transcript,
        events: [{ ...first, shown: [...first.shown].reverse() }, ...rest],
      },
    };
    const report = await store.importJson(exported([reordered]), scenarios);
    expect(report.added).toBe(0);
    expect(report.errors[0]).toContain('recorded in the order');
  });

  it('reads a version 1 file: its transcripts (recorded before shuffling) are migrated and re-scored', async () => {
    const { store } = await fresh();
    const legacy = JSON.stringify({
      format: HISTORY_FILE_FORMAT,
      formatVersion: 1,
      exportedAt: '2025-03-03T00:00:00.000Z',
      records: [{ ...best, transcript: legacyTranscript(best.transcript) }],
    });
    expect(await store.importJson(legacy, scenarios)).toEqual({ added: 1, skipped: 0, errors: [] });
    const [kept] = await store.all();
    expect(kept?.transcript).toMatchObject({ formatVersion: 2, seed: null });
    expect(kept?.summary).toEqual(best.summary);
  });

  it('rejects records of scenarios it does not know, since their score cannot be checked', async () => {
    const { store } = await fresh();
    const report = await store.importJson(exported([best]), []);
    expect(report.added).toBe(0);
    expect(report.errors).toEqual([
      'Record 1 (id "b"): scenario "mini-call" is not in this game, so its score cannot be checked.',
    ]);
  });

  it('rejects a record without a valid date', async () => {
    const { store } = await fresh();
    const report = await store.importJson(exported([{ ...best, date: 'yesterday' }]), scenarios);
    expect(report.added).toBe(0);
    expect(report.errors[0]).toContain('date');
  });

  it('keeps a silence in the transcript through the round trip', async () => {
    const { store } = await fresh();
    const played = transcriptOf(scenario, [silence(25_000), ...BEST.map((id) => choose(id))]);
    const scored = scoreTranscript(scenario, played);
    if (!scored.ok) throw new Error(scored.error.message);
    const withSilence = historyRecord(played, scored.scorecard, {
      id: 's',
      date: '2025-03-04T08:00:00+08:00',
    });
    expect(await store.importJson(exported([withSilence]), scenarios)).toMatchObject({ added: 1 });
    expect(await store.all()).toEqual([withSilence]);
  });

  it.each([
    ['malformed JSON', '{"format": "service-dojo/history", ', /^The file is not valid JSON/],
    [
      'another kind of file',
      JSON.stringify({ format: 'something-else', records: [] }),
      /^This is not a Service Dojo history file/,
    ],
    [
      'a newer version',
      JSON.stringify({ format: HISTORY_FILE_FORMAT, formatVersion: 3, records: [] }),
      /^This history file is version 3; this game reads versions 1 to 2\.$/,
    ],
    ['a bare list', JSON.stringify([best]), /^This is not a Service Dojo history file/],
  ])('refuses %s with one clear message and changes nothing', async (_name, text, message) => {
    const { store } = await fresh();
    await store.add(worst);
    const report = await store.importJson(text, scenarios);
    expect(report.added).toBe(0);
    expect(report.skipped).toBe(0);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(message);
    expect(await store.all()).toEqual([worst]);
  });
});

describe('records', () => {
  it('summarise the scorecard the engine computed', () => {
    const scored = scoreTranscript(scenario, best.transcript);
    if (!scored.ok) throw new Error(scored.error.message);
    expect(best.summary).toEqual({
      scenarioId: 'mini-call',
      total: scored.scorecard.total,
      grade: scored.scorecard.grade,
      outcome: 'good',
      tips: scored.scorecard.tips,
    });
  });

  it('made at the edge get a fresh random id and the current time', () => {
    const scored = scoreTranscript(scenario, best.transcript);
    if (!scored.ok) throw new Error(scored.error.message);
    const before = Date.now();
    const first = recordNow(best.transcript, scored.scorecard);
    const second = recordNow(best.transcript, scored.scorecard);
    expect(first.id).toMatch(/^[0-9a-f]{32}$/);
    expect(second.id).not.toBe(first.id);
    expect(Date.parse(first.date)).toBeGreaterThanOrEqual(before);
    expect(newRecordId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('export under a dated file name', () => {
    expect(historyFileName('2025-03-01T09:30:00.000Z')).toBe(
      'service-dojo-history-2025-03-01.json',
    );
  });
});

describe('the shared connection', () => {
  it('is opened once, and opened again after a failure', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(sharedHistory()).rejects.toThrow();
    vi.unstubAllGlobals();
    const first = sharedHistory();
    expect(sharedHistory()).toBe(first);
    const store = await first;
    open.push(store);
    await store.add(best);
    expect(await (await sharedHistory()).bestScore(scenario.id)).toBe(best.summary.total);
  });
});

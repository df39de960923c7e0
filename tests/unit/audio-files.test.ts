import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import OpusScript from 'opusscript';
import { describe, expect, it } from 'vitest';
import { AUDIO_FORMATS, SAMPLE_RATE, SOUND_FILE, SOUND_MS } from '../../src/audio/layout.ts';
import { SOUNDS, Sound } from '../../src/audio/sounds.ts';
import { OPUS_PRE_SKIP, encodeOpus } from '../../src/build/audio/encode/opus.ts';
import { oggCrc } from '../../src/build/audio/encode/ogg.ts';
import { buildAudioFiles, fileName } from '../../src/build/audio/files.ts';
import { renderSound } from '../../src/build/audio/render.ts';
import { rmsOf, samplesFor } from '../../src/build/audio/synth/signal.ts';

const FOLDER = path.resolve(import.meta.dirname, '../../assets/audio');
const BUDGET_BYTES = 300 * 1024;

interface OggPage {
  readonly flags: number;
  readonly granule: bigint;
  readonly packets: Uint8Array[];
}

/** Reads an Ogg stream back, checking each page's capture pattern and CRC. */
function readOgg(bytes: Uint8Array): OggPage[] {
  const pages: OggPage[] = [];
  let at = 0;
  while (at < bytes.length) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + at);
    expect(new TextDecoder().decode(bytes.subarray(at, at + 4))).toBe('OggS');
    const count = view.getUint8(26);
    const lacing = [...bytes.subarray(at + 27, at + 27 + count)];
    const length = 27 + count + lacing.reduce((sum, size) => sum + size, 0);
    const page = bytes.slice(at, at + length);
    const crc = new DataView(page.buffer).getUint32(22, true);
    page.fill(0, 22, 26);
    expect(oggCrc(page)).toBe(crc);
    const packets: Uint8Array[] = [];
    let body = at + 27 + count;
    let size = 0;
    for (const segment of lacing) {
      size += segment;
      if (segment < 255) {
        packets.push(bytes.slice(body, body + size));
        body += size;
        size = 0;
      }
    }
    pages.push({ flags: view.getUint8(5), granule: view.getBigInt64(6, true), packets });
    at += length;
  }
  return pages;
}

/** Decodes Ogg Opus with libopus and drops the pre-skip and the padding, as a player does. */
function decodeOpus(bytes: Uint8Array): Float32Array {
  const pages = readOgg(bytes);
  const decoder = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.AUDIO);
  const samples: number[] = [];
  try {
    for (const packet of pages.slice(2).flatMap((page) => page.packets)) {
      const pcm = decoder.decode(Buffer.from(packet));
      const frame = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length / 2);
      for (const sample of frame) samples.push(sample / 32768);
    }
  } finally {
    decoder.delete();
  }
  const end = Number(pages.at(-1)?.granule ?? 0n);
  return Float32Array.from(samples.slice(OPUS_PRE_SKIP, end));
}

describe('the committed sound files', () => {
  it('has both formats of every sound and nothing else, within the size budget', () => {
    const expected = SOUNDS.flatMap((sound) =>
      AUDIO_FORMATS.map((format) => fileName(sound, format)),
    );
    expect(readdirSync(FOLDER).toSorted()).toEqual(expected.toSorted());
    const total = expected.reduce((sum, name) => sum + statSync(path.join(FOLDER, name)).size, 0);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    for (const sound of SOUNDS) expect(SOUND_FILE[sound]).toMatch(/^[a-z-]+$/);
  });

  it('are exactly what the generator makes now (run `node src/build/audio/generate.ts`)', () => {
    const stale = buildAudioFiles()
      .filter((file) => !Buffer.from(file.bytes).equals(readFileSync(path.join(FOLDER, file.name))))
      .map((file) => file.name);
    expect(stale).toEqual([]);
  });
});

describe('the Ogg Opus encoding', () => {
  it('computes Ogg’s CRC (CRC-32, polynomial 04C11DB7, no reflection, no final XOR)', () => {
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });

  it('writes a valid stream that decodes back to the sound, on time and at full length', () => {
    const signal = renderSound(Sound.good);
    const bytes = encodeOpus(signal, 32_000);
    const pages = readOgg(bytes);
    const [head, tags] = pages;
    const headBytes = head?.packets[0] ?? new Uint8Array();
    const headView = new DataView(headBytes.buffer);
    expect(new TextDecoder().decode(headBytes.subarray(0, 8))).toBe('OpusHead');
    expect(headView.getUint8(9)).toBe(1); // mono
    expect(headView.getUint16(10, true)).toBe(OPUS_PRE_SKIP);
    expect(head?.flags).toBe(2); // first page
    expect(new TextDecoder().decode(tags?.packets[0]?.subarray(0, 8))).toBe('OpusTags');
    expect(pages.at(-1)?.flags).toBe(4); // last page
    expect(pages.at(-1)?.granule).toBe(BigInt(OPUS_PRE_SKIP + signal.length));

    const decoded = decodeOpus(bytes);
    expect(decoded.length).toBe(signal.length);
    // Lossy, but the same sound at the same moment (within a few samples of codec filter delay):
    // the error is far below the signal.
    const snrAt = (lag: number) => {
      const error = signal.map((value, i) => (decoded[i + lag] ?? 0) - value);
      return 20 * Math.log10(rmsOf(signal) / rmsOf(error));
    };
    const lags = Array.from({ length: 17 }, (_, i) => i - 8);
    const best = Math.max(...lags.map(snrAt));
    expect(best).toBeGreaterThan(15);
    expect(Math.abs(lags.find((lag) => snrAt(lag) === best) ?? 99)).toBeLessThanOrEqual(4);
  });

  it.each(SOUNDS)('the committed %s.opus decodes to the layout’s length', (sound) => {
    const bytes = readFileSync(path.join(FOLDER, fileName(sound, 'opus')));
    const decoded = decodeOpus(new Uint8Array(bytes));
    expect(decoded.length).toBe(samplesFor(SOUND_MS[sound]));
    expect(rmsOf(decoded)).toBeGreaterThan(0.02);
  });
});

/** MPEG-1 sample rates by header index. */
const MPEG1_RATES = [44_100, 48_000, 32_000];
const LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

describe('the MP3 encoding', () => {
  it.each(SOUNDS)(
    'the committed %s.mp3 is whole MPEG-1 Layer III mono frames, long enough',
    (sound) => {
      const bytes = new Uint8Array(readFileSync(path.join(FOLDER, fileName(sound, 'mp3'))));
      const rates = new Set<number>();
      let frames = 0;
      let at = 0;
      while (at + 4 <= bytes.length) {
        const header = new DataView(bytes.buffer, bytes.byteOffset + at).getUint32(0);
        expect(header >>> 21).toBe(0x7ff); // frame sync
        expect((header >>> 19) & 3).toBe(3); // MPEG-1
        expect((header >>> 17) & 3).toBe(1); // Layer III
        expect((header >>> 6) & 3).toBe(3); // mono
        const rate = MPEG1_RATES[(header >>> 10) & 3] ?? 0;
        const kbps = LAYER3_KBPS[(header >>> 12) & 15] ?? 0;
        rates.add(rate);
        at += Math.floor((144 * kbps * 1000) / rate) + ((header >>> 9) & 1);
        frames++;
      }
      expect(at).toBe(bytes.length);
      // LAME picks the rate that suits the bit rate (32 kHz at 48 kbit/s); every frame agrees.
      expect(rates.size).toBe(1);
      const [rate = 0] = rates;
      expect((frames * 1152 * 1000) / rate).toBeGreaterThanOrEqual(SOUND_MS[sound]);
    },
  );
});

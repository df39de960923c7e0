import { Mp3Encoder } from '@breezystack/lamejs';
import { SAMPLE_RATE } from '../../../audio/layout.ts';
import type { Signal } from '../synth/signal.ts';
import { toInt16 } from './pcm.ts';

/** Samples per MP3 frame (MPEG-1 Layer III). */
const MP3_FRAME = 1152;

/** Encodes a mono signal at SAMPLE_RATE as a constant-bit-rate MP3 (`kbps` kilobits per second). */
export function encodeMp3(signal: Signal, kbps: number): Uint8Array {
  const pcm = toInt16(signal);
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, kbps);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < pcm.length; at += MP3_FRAME) {
    chunks.push(encoder.encodeBuffer(pcm.subarray(at, at + MP3_FRAME)));
  }
  chunks.push(encoder.flush());
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

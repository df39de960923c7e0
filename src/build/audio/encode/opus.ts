import OpusScript from 'opusscript';
import { SAMPLE_RATE } from '../../../audio/layout.ts';
import type { Signal } from '../synth/signal.ts';
import { oggStream } from './ogg.ts';
import type { OggPacket } from './ogg.ts';
import { padTo, toInt16 } from './pcm.ts';

/** 20 ms frames: Opus's usual size, a good balance of quality and overhead. */
export const OPUS_FRAME = 960;
/**
 * The encoder's look-ahead at 48 kHz in the AUDIO application (libopus: 2.5 ms + 4 ms). Players
 * drop this many samples from the start, so the sound begins exactly on time.
 */
export const OPUS_PRE_SKIP = 312;
/** libopus's OPUS_SET_COMPLEXITY request: 10 is the best quality for the bits. */
const SET_COMPLEXITY = 4010;
/** One fixed stream serial number, so the same sound always gives the same bytes. */
const SERIAL = 0x53_44_6f_6a;
const VENDOR = 'service-dojo sound generator (libopus via opusscript)';
/** About one second of packets per page. */
const PACKETS_PER_PAGE = 50;

function opusHead(): Uint8Array {
  const out = new Uint8Array(19);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('OpusHead'));
  view.setUint8(8, 1); // version
  view.setUint8(9, 1); // channels: mono
  view.setUint16(10, OPUS_PRE_SKIP, true);
  view.setUint32(12, SAMPLE_RATE, true);
  view.setInt16(16, 0, true); // output gain
  view.setUint8(18, 0); // channel mapping family 0: mono or stereo
  return out;
}

function opusTags(): Uint8Array {
  const vendor = new TextEncoder().encode(VENDOR);
  const out = new Uint8Array(8 + 4 + vendor.length + 4);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('OpusTags'));
  view.setUint32(8, vendor.length, true);
  out.set(vendor, 12);
  view.setUint32(12 + vendor.length, 0, true); // no user comments
  return out;
}

/**
 * Encodes a mono signal at SAMPLE_RATE as Ogg Opus (RFC 7845) at `bitrate` bits per second,
 * variable rate. The last page's granule position trims the padding, so the decoded length is
 * exactly the signal's.
 */
export function encodeOpus(signal: Signal, bitrate: number): Uint8Array {
  const frames = Math.ceil((signal.length + OPUS_PRE_SKIP) / OPUS_FRAME);
  const pcm = padTo(toInt16(signal), frames * OPUS_FRAME);
  const encoder = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.AUDIO);
  const packets: OggPacket[] = [];
  try {
    encoder.setBitrate(bitrate);
    encoder.encoderCTL(SET_COMPLEXITY, 10);
    for (let frame = 0; frame < frames; frame++) {
      const samples = pcm.subarray(frame * OPUS_FRAME, (frame + 1) * OPUS_FRAME);
      // opusscript takes the frame as little-endian bytes in a Buffer.
      const bytes = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
      const data = new Uint8Array(encoder.encode(bytes, OPUS_FRAME));
      const last = frame === frames - 1;
      packets.push({
        data,
        granule: last ? OPUS_PRE_SKIP + signal.length : (frame + 1) * OPUS_FRAME,
      });
    }
  } finally {
    encoder.delete();
  }
  return oggStream([opusHead(), opusTags()], packets, SERIAL, PACKETS_PER_PAGE);
}

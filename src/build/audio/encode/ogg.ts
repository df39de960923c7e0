/**
 * A minimal Ogg page writer (RFC 3533): enough to carry one Opus stream. Each packet sits whole
 * on one page, which keeps the writer short; Opus packets are far below a page's 65 KB.
 */

/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, index) => {
  let crc = index << 24;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  return crc >>> 0;
});

export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes)
    crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc;
}

/** Page header flags. */
export const PageFlag = { continued: 1, first: 2, last: 4 } as const;

/** One packet and the granule position (samples decoded so far) once it has been decoded. */
export interface OggPacket {
  readonly data: Uint8Array;
  readonly granule: number;
}

const MAX_SEGMENTS = 255;

function segmentsOf(packet: Uint8Array): number[] {
  // Lacing: 255s then the remainder (a zero when the length is a multiple of 255).
  return [...Array<number>(Math.floor(packet.length / 255)).fill(255), packet.length % 255];
}

function page(
  packets: readonly OggPacket[],
  flags: number,
  serial: number,
  sequence: number,
): Uint8Array {
  const segments = packets.flatMap((packet) => segmentsOf(packet.data));
  const bodyLength = packets.reduce((sum, packet) => sum + packet.data.length, 0);
  const out = new Uint8Array(27 + segments.length + bodyLength);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53]); // "OggS"
  view.setUint8(4, 0); // version
  view.setUint8(5, flags);
  view.setBigInt64(6, BigInt(packets.at(-1)?.granule ?? -1), true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  view.setUint8(26, segments.length);
  out.set(segments, 27);
  let at = 27 + segments.length;
  for (const packet of packets) {
    out.set(packet.data, at);
    at += packet.data.length;
  }
  view.setUint32(22, oggCrc(out), true); // computed with the CRC field still zero
  return out;
}

/**
 * An Ogg stream: the header packets each on a page of their own (as Opus requires), then the
 * audio packets, `perPage` (or fewer, to stay within 255 segments) to a page.
 */
export function oggStream(
  headers: readonly Uint8Array[],
  packets: readonly OggPacket[],
  serial: number,
  perPage: number,
): Uint8Array {
  const pages: Uint8Array[] = headers.map((data, index) =>
    page([{ data, granule: 0 }], index === 0 ? PageFlag.first : 0, serial, index),
  );
  let pending: OggPacket[] = [];
  let segments = 0;
  const flush = (last: boolean) => {
    pages.push(page(pending, last ? PageFlag.last : 0, serial, pages.length));
    pending = [];
    segments = 0;
  };
  packets.forEach((packet, index) => {
    const needed = segmentsOf(packet.data).length;
    if (pending.length === perPage || segments + needed > MAX_SEGMENTS) flush(false);
    pending.push(packet);
    segments += needed;
    if (index === packets.length - 1) flush(true);
  });
  const out = new Uint8Array(pages.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of pages) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

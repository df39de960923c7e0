import { AudioFormat, SOUND_FILE } from '../../audio/layout.ts';
import type { AudioFormat as Format } from '../../audio/layout.ts';
import { SOUNDS, Sound } from '../../audio/sounds.ts';
import { encodeMp3 } from './encode/mp3.ts';
import { encodeOpus } from './encode/opus.ts';
import { renderSound } from './render.ts';

/** Opus, variable bit rate (bits/s): transparent enough for short synthetic sounds. */
const OPUS_BITRATE = 32_000;
/** Noise is what lossy codecs find hardest, and the ambience is mostly noise and the longest. */
const AMBIENCE_OPUS_BITRATE = 28_000;
/** MP3, constant bit rate (kbit/s); at this rate LAME itself resamples to 32 kHz. */
const MP3_KBPS = 48;

/** One output file: its name in assets/audio/ and its bytes. */
export interface AudioFile {
  readonly name: string;
  readonly sound: Sound;
  readonly format: Format;
  readonly bytes: Uint8Array;
}

export function fileName(sound: Sound, format: Format): string {
  return `${SOUND_FILE[sound]}.${format}`;
}

/** Renders and encodes one sound in both formats. */
export function buildSound(sound: Sound): AudioFile[] {
  const signal = renderSound(sound);
  return [
    {
      name: fileName(sound, AudioFormat.opus),
      sound,
      format: AudioFormat.opus,
      bytes: encodeOpus(signal, sound === Sound.ambience ? AMBIENCE_OPUS_BITRATE : OPUS_BITRATE),
    },
    {
      name: fileName(sound, AudioFormat.mp3),
      sound,
      format: AudioFormat.mp3,
      bytes: encodeMp3(signal, MP3_KBPS),
    },
  ];
}

/** Every file the game ships, rendered from scratch: the same bytes on every run. */
export function buildAudioFiles(): AudioFile[] {
  return SOUNDS.flatMap(buildSound);
}

import ringOpus from '../../assets/audio/ring.opus?url';
import ringMp3 from '../../assets/audio/ring.mp3?url';
import pickUpOpus from '../../assets/audio/pick-up.opus?url';
import pickUpMp3 from '../../assets/audio/pick-up.mp3?url';
import hangUpOpus from '../../assets/audio/hang-up.opus?url';
import hangUpMp3 from '../../assets/audio/hang-up.mp3?url';
import clickOpus from '../../assets/audio/click.opus?url';
import clickMp3 from '../../assets/audio/click.mp3?url';
import goodOpus from '../../assets/audio/good.opus?url';
import goodMp3 from '../../assets/audio/good.mp3?url';
import badOpus from '../../assets/audio/bad.opus?url';
import badMp3 from '../../assets/audio/bad.mp3?url';
import ambienceOpus from '../../assets/audio/ambience.opus?url';
import ambienceMp3 from '../../assets/audio/ambience.mp3?url';
import stingOpus from '../../assets/audio/sting.opus?url';
import stingMp3 from '../../assets/audio/sting.mp3?url';
import babbleOpus from '../../assets/audio/babble.opus?url';
import babbleMp3 from '../../assets/audio/babble.mp3?url';
import type { AudioFormat } from './layout.ts';
import type { Sound } from './sounds.ts';

/**
 * Every sound's file URLs, through Vite (`?url`), so builds get content-hashed names (and tiny
 * files are inlined). This file and layout.ts are the only ones that know about sound files.
 */
export const SOUND_URLS: Readonly<Record<Sound, Readonly<Record<AudioFormat, string>>>> = {
  ring: { opus: ringOpus, mp3: ringMp3 },
  pickUp: { opus: pickUpOpus, mp3: pickUpMp3 },
  hangUp: { opus: hangUpOpus, mp3: hangUpMp3 },
  click: { opus: clickOpus, mp3: clickMp3 },
  good: { opus: goodOpus, mp3: goodMp3 },
  bad: { opus: badOpus, mp3: badMp3 },
  ambience: { opus: ambienceOpus, mp3: ambienceMp3 },
  sting: { opus: stingOpus, mp3: stingMp3 },
  babble: { opus: babbleOpus, mp3: babbleMp3 },
};

import type { Sound } from '../../../audio/sounds.ts';
import type { Signal } from '../synth/signal.ts';
import { ambience } from './ambience.ts';
import { babble } from './babble.ts';
import { bad, click, good } from './cues.ts';
import { hangUp, pickUp } from './handset.ts';
import { ring } from './ring.ts';
import { sting } from './sting.ts';

/** The recipe that synthesises each sound. */
export const RECIPES: Readonly<Record<Sound, () => Signal>> = {
  ring,
  pickUp,
  hangUp,
  click,
  good,
  bad,
  ambience,
  sting,
  babble,
};

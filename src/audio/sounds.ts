/** Every sound the game plays: keys for the whole code base, never spelled as bare strings. */
export const Sound = {
  ring: 'ring',
  pickUp: 'pickUp',
  hangUp: 'hangUp',
  click: 'click',
  good: 'good',
  bad: 'bad',
  ambience: 'ambience',
  sting: 'sting',
  babble: 'babble',
} as const;
export type Sound = (typeof Sound)[keyof typeof Sound];

/** Every sound key, in a fixed order (generator output, tests, preloading). */
export const SOUNDS: readonly Sound[] = Object.values(Sound);

/** The three volume channels the player can set. */
export const Channel = {
  voice: 'voice',
  effects: 'effects',
  ambience: 'ambience',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

export const CHANNELS: readonly Channel[] = Object.values(Channel);

/** Which channel's volume slider governs each sound. */
export const SOUND_CHANNEL: Readonly<Record<Sound, Channel>> = {
  ring: Channel.effects,
  pickUp: Channel.effects,
  hangUp: Channel.effects,
  click: Channel.effects,
  good: Channel.effects,
  bad: Channel.effects,
  ambience: Channel.ambience,
  sting: Channel.effects,
  babble: Channel.voice,
};

/**
 * The mix: each file is normalised to the same peak by the generator, so relative loudness is
 * set here (0–1) and multiplied by the channel volume.
 */
export const SOUND_LEVEL: Readonly<Record<Sound, number>> = {
  ring: 0.7,
  pickUp: 0.8,
  hangUp: 0.8,
  click: 0.45,
  good: 0.55,
  bad: 0.5,
  ambience: 0.35,
  sting: 0.7,
  babble: 0.75,
};

/** Scene keys: never spelled as bare strings elsewhere. */
export const SceneKey = {
  boot: 'boot',
  title: 'title',
  call: 'call',
  debrief: 'debrief',
  history: 'history',
  settings: 'settings',
  select: 'select',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

/** Registry keys shared between scenes. */
export const RegistryKey = {
  timers: 'timers',
  mirror: 'mirror',
  textSpeed: 'textSpeed',
  reducedMotion: 'reducedMotion',
} as const;

/** Scene keys: never spelled as bare strings elsewhere. */
export const SceneKey = {
  boot: 'boot',
  title: 'title',
  call: 'call',
  debrief: 'debrief',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

/** Registry keys shared between scenes. */
export const RegistryKey = {
  timers: 'timers',
  mirror: 'mirror',
} as const;

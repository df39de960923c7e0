/** Scene keys: never spelled as bare strings elsewhere. */
export const SceneKey = {
  boot: 'boot',
  title: 'title',
  call: 'call',
  debrief: 'debrief',
  history: 'history',
  settings: 'settings',
  select: 'select',
  /** The Scenario Lab: a DOM editor laid over the canvas (src/lab). */
  lab: 'lab',
  /** Team drills: the join form and the drill lobby (DOM screens over the canvas, src/game/drill). */
  join: 'join',
  drillLobby: 'drillLobby',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

/** Registry keys shared between scenes. */
export const RegistryKey = {
  timers: 'timers',
  mirror: 'mirror',
  textSpeed: 'textSpeed',
  reducedMotion: 'reducedMotion',
  /** Set by the page when its address is a join link (`?join=CODE`): the title opens the join screen. */
  joinLink: 'joinLink',
  /** Set by the LMS build: the game runs inside a course package (no Lab, no drills). */
  lmsPackage: 'lmsPackage',
} as const;

// The scenarios the build plugin (src/build/scenarios-plugin.ts) checks and bundles as data.
// Typed in src/game/library.ts: an ambient module cannot import the engine's types.
declare module 'virtual:service-dojo/scenarios' {
  export const scenarios: unknown;
  export const drills: unknown;
}

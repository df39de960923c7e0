// The scenarios the build plugin (src/build/scenarios-plugin.ts) checks and bundles as data.
// Typed in src/game/library.ts: an ambient module cannot import the engine's types.
declare module 'virtual:service-dojo/scenarios' {
  export const catalogue: unknown;
  export const drills: unknown;
  export const loaders: Readonly<
    Record<string, () => Promise<{ scenario: unknown; bestPath: unknown }>>
  >;
}

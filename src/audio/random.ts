/** The seeded generator lives in the engine (drills shuffle with it too); sound uses the same one. */
export { seededRandom } from '../engine/index.ts';

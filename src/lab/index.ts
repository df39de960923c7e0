/**
 * The Scenario Lab: trainers write, check, see and playtest scenario files in the browser. Only
 * its scene is exported; the editor and everything it needs load when the scene first opens.
 */
export { LabScene } from './lab-scene.ts';

import type { ScenarioData } from '../schema/scenario.ts';

/** A scenario that passed every check, with derived text filled in and its content hash. */
export type Scenario = ScenarioData & {
  /** Hash of everything that decides states and scores (text excluded), carried by transcripts. */
  readonly hash: string;
};

export type {
  ChoiceData as Choice,
  NodeData as CallNode,
  EndingData as Ending,
  NextData as Next,
  SilenceData as Silence,
  MeterId,
  Outcome,
  Channel,
} from '../schema/scenario.ts';
export { METER_IDS, OUTCOMES, CHANNELS } from '../schema/scenario.ts';

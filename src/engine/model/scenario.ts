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
} from '../schema/scenario.ts';
export type { MeterId, Outcome, Channel } from './vocabulary.ts';
export { METER_IDS, OUTCOMES, CHANNELS, SEED_DOCS } from './vocabulary.ts';

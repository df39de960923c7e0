import type { MeterId } from '../model/scenario.ts';

/** The two events a call understands. The front end owns the clock and sends SILENCE itself. */
export const CallEventType = {
  choose: 'CHOOSE',
  silence: 'SILENCE',
} as const;

export interface ChooseEvent {
  readonly type: typeof CallEventType.choose;
  readonly choiceId: string;
  readonly elapsedMs: number;
}
export interface SilenceEvent {
  readonly type: typeof CallEventType.silence;
  readonly elapsedMs: number;
}
export type CallEvent = ChooseEvent | SilenceEvent;

export type Meters = Readonly<Record<MeterId, number>>;

/** What happened on the last turn, so the view can show the customer's reply. */
export interface LastTurn {
  readonly nodeId: string;
  /** null when the trainee stayed silent. */
  readonly choiceId: string | null;
  readonly hesitated: boolean;
  readonly metersBefore: Meters;
}

/** Everything a call remembers. Small and fixed in shape, so path search can key on it. */
export interface CallContext {
  readonly meters: Meters;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly turns: number;
  readonly cost: number;
  /** Answer timers on: SILENCE and hesitation apply, and actFast is assessed. */
  readonly timed: boolean;
  readonly last: LastTurn | null;
}

export interface CallInput {
  readonly timed: boolean;
}

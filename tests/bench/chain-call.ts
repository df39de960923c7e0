import { assign, createActor, setup } from 'xstate';
import { CallEventType } from '../../src/engine/index.ts';
import type { CallEvent } from '../../src/engine/index.ts';

/** Turns in the benchmark call. */
export const CHAIN_LENGTH = 20;

/** A scenario with CHAIN_LENGTH nodes in a row, three choices each, for a 20-event transcript. */
export function chainScenarioYaml(): string {
  const lines = [
    'id: bench-chain',
    'version: 1',
    'title: Bench chain',
    'summary: Twenty moments in a row.',
    "source: { doc: '001', section: 四、平息顧客的不滿 }",
    'channel: phone',
    'difficulty: 1',
    'locales: [en]',
    'customer: { name: Bench, persona: A patient customer. }',
    'focus: [tolerance]',
    'lesson: Keep going.',
    'meters: { anger: 50, trust: 50, patience: 100 }',
    'limits: { anger: { ending: escalated }, patience: { ending: hungUp } }',
    'timeLimit: 20',
    'start: n0',
    'nodes:',
  ];
  for (let i = 0; i < CHAIN_LENGTH; i += 1) {
    const next = i === CHAIN_LENGTH - 1 ? 'done' : `n${i + 1}`;
    lines.push(
      `  n${i}:`,
      `    step: ${['vent', 'apologise', 'ask', 'followUp'][Math.floor((i * 4) / CHAIN_LENGTH)] ?? 'ask'}`,
      `    say: Moment ${i}.`,
      '    choices:',
      `      - { id: good${i}, text: Good., tips: { tolerance: 1 }, meters: { anger: -2 }, feedback: Good., next: ${next} }`,
      `      - { id: fair${i}, text: Fair., feedback: Fair., next: ${next} }`,
      `      - { id: bad${i}, text: Bad., tips: { tolerance: -1 }, meters: { anger: 3 }, feedback: Bad., next: ${next} }`,
    );
  }
  lines.push(
    'endings:',
    '  done: { outcome: good, say: Thanks., wordOfMouth: 5 }',
    '  escalated: { outcome: bad, say: Manager!, wordOfMouth: -25 }',
    '  hungUp: { outcome: bad, say: Bye., wordOfMouth: -25 }',
  );
  return `${lines.join('\n')}\n`;
}

export function chainEvents(): CallEvent[] {
  return Array.from({ length: CHAIN_LENGTH }, (_, i) => ({
    type: CallEventType.choose,
    choiceId: `good${i}`,
    elapsedMs: 3000,
  }));
}

/**
 * The baseline: a hand-written XState machine of the same shape (20 states, a guarded CHOOSE per
 * choice, a context update per answer) run as a bare actor with the same 20 events.
 */
export function bareActorRun(): () => void {
  interface Context {
    anger: number;
    turns: number;
  }
  interface Event {
    type: 'CHOOSE';
    choiceId: string;
    elapsedMs: number;
  }
  const states: Record<string, object> = {};
  for (let i = 0; i < CHAIN_LENGTH; i += 1) {
    const target = i === CHAIN_LENGTH - 1 ? 'done' : `n${i + 1}`;
    states[`n${i}`] = {
      on: {
        CHOOSE: ['good', 'fair', 'bad'].map((kind) => ({
          guard: { type: 'picked', params: { choiceId: `${kind}${i}` } },
          target,
          actions: {
            type: 'answer',
            params: { delta: kind === 'good' ? -2 : kind === 'bad' ? 3 : 0 },
          },
        })),
      },
    };
  }
  states.done = { type: 'final' };
  const machine = setup({
    types: { context: {} as Context, events: {} as Event },
    guards: {
      picked: ({ event }, params: { choiceId: string }) => event.choiceId === params.choiceId,
    },
    actions: {
      answer: assign(({ context }, params: { delta: number }) => ({
        anger: Math.max(0, Math.min(100, context.anger + params.delta)),
        turns: context.turns + 1,
      })),
    },
  }).createMachine({ context: { anger: 50, turns: 0 }, initial: 'n0', states: states as never });
  const events = chainEvents().map((event) => event as Event);
  return () => {
    const actor = createActor(machine).start();
    for (const event of events) actor.send(event);
    if (actor.getSnapshot().status !== 'done') throw new Error('baseline did not finish');
    actor.stop();
  };
}

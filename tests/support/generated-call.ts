/**
 * Trainer-sized generated scenarios for the explorer's bench and tests: `nodes` moments in a row
 * (the four steps in quarters), three answers at each — a good one that performs the step, a
 * fair one, a bad one that interrupts or blames — meters on every answer, one condition per node
 * (the bad answer escalates past a threshold), and silence at every node. The good ending needs
 * the follow-up step.
 */
export function generatedScenarioYaml(nodes: number, id = `generated-${String(nodes)}`): string {
  const steps = ['vent', 'apologise', 'ask', 'followUp'] as const;
  const lines = [
    `id: ${id}`,
    'version: 1',
    `title: Generated call of ${String(nodes)} moments`,
    'summary: A long generated call.',
    "source: { doc: '001', section: 四、平息顧客的不滿 }",
    'channel: phone',
    'difficulty: 3',
    'locales: [en]',
    'customer: { name: Generated, persona: A long call. }',
    'focus: [tolerance, softVoice]',
    'lesson: Keep going.',
    'meters: { anger: 60, trust: 30, patience: 100 }',
    'limits: { anger: { ending: escalated }, patience: { ending: hungUp } }',
    'timeLimit: 20',
    'start: n0',
    'nodes:',
  ];
  for (let i = 0; i < nodes; i += 1) {
    const step = steps[Math.min(3, Math.floor((i * 4) / nodes))] ?? 'ask';
    const next = i === nodes - 1 ? 'resolved' : `n${String(i + 1)}`;
    const fairNext = i === nodes - 1 ? 'grudging' : next;
    // Deltas in steps of 5, as trainers write them, varied from node to node.
    const calm = 5 * (1 + (i % 3));
    const heat = 5 * (2 + (i % 3));
    lines.push(
      `  n${String(i)}:`,
      `    step: ${step}`,
      `    say: Moment ${String(i)}.`,
      `    onSilence: { meters: { patience: -10, anger: 5 }, next: ${next} }`,
      '    choices:',
      `      - { id: good${String(i)}, text: Good answer ${String(i)}., step: ${step}, tips: { tolerance: 1, softVoice: ${String(i % 2)} }, meters: { anger: -${String(calm)}, trust: ${String(5 * (1 + (i % 2)))} }, feedback: Good., next: ${next} }`,
      `      - { id: fair${String(i)}, text: A fair answer at ${String(i)}., tips: { softVoice: -${String(i % 2)} }, meters: { patience: -5 }, feedback: Fair., next: ${fairNext} }`,
      `      - { id: bad${String(i)}, text: The bad answer at moment ${String(i)}., tips: { tolerance: -2 }, meters: { anger: ${String(heat)}, trust: -5 }, feedback: Bad., next: [{ if: "anger >= ${String(80 + 5 * (i % 3))}", goto: escalated }, { goto: ${fairNext} }] }`,
    );
  }
  lines.push(
    'endings:',
    '  resolved: { outcome: good, say: Thanks., wordOfMouth: 5 }',
    '  grudging: { outcome: partial, say: Fine., wordOfMouth: -5 }',
    '  escalated: { outcome: bad, say: Manager!, wordOfMouth: -25 }',
    '  hungUp: { outcome: bad, say: Bye., wordOfMouth: -25 }',
  );
  return `${lines.join('\n')}\n`;
}

import { routesOf } from '../compiler/index-scenario.ts';
import type { Scenario } from '../model/scenario.ts';
import { Step } from '../model/steps.ts';
import type { StepId } from '../model/steps.ts';

/** Mermaid ids must be plain; ours may contain `-`, which Mermaid reads fine inside ids. */
const mermaidId = (id: string) => `s_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
const label = (text: string) => text.replace(/"/g, '#quot;');

const STEP_CLASS: Readonly<Record<StepId, string>> = {
  [Step.vent]: 'vent',
  [Step.apologise]: 'apologise',
  [Step.ask]: 'ask',
  [Step.followUp]: 'followUp',
};

/**
 * The scenario as a Mermaid flowchart: nodes coloured by step, endings by outcome, one edge per
 * route (labelled with the choice id and its condition), silence dashed, meter limits dotted.
 */
export function toMermaid(
  scenario: Scenario,
  options: { unreachable?: readonly string[] } = {},
): string {
  const lines = ['flowchart TD'];
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    lines.push(
      `  ${mermaidId(nodeId)}["${label(nodeId)}<br/><small>${node.step}</small>"]:::${STEP_CLASS[node.step]}`,
    );
  }
  for (const [endingId, ending] of Object.entries(scenario.endings)) {
    lines.push(
      `  ${mermaidId(endingId)}(["${label(endingId)}<br/><small>${ending.outcome}</small>"]):::${ending.outcome}`,
    );
  }
  lines.push(`  start((start)) --> ${mermaidId(scenario.start)}`);
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    for (const choice of node.choices) {
      for (const route of routesOf(choice.next, nodeId)) {
        const condition =
          typeof choice.next === 'string'
            ? ''
            : (choice.next.find((entry) => entry.goto === route.target)?.if ?? '');
        const text = condition ? `${choice.id} if ${condition}` : choice.id;
        lines.push(`  ${mermaidId(nodeId)} -->|"${label(text)}"| ${mermaidId(route.target)}`);
      }
    }
    for (const route of routesOf(node.onSilence?.next, nodeId)) {
      lines.push(`  ${mermaidId(nodeId)} -.->|silence| ${mermaidId(route.target)}`);
    }
  }
  lines.push(
    `  anyNode{{any node}} -. "anger ≥ ${scenario.limits.anger.at ?? 100}" .-> ${mermaidId(scenario.limits.anger.ending)}`,
    `  anyNode -. "patience ≤ ${scenario.limits.patience.at ?? 0}" .-> ${mermaidId(scenario.limits.patience.ending)}`,
    '  classDef vent fill:#fde2e2,stroke:#c0392b',
    '  classDef apologise fill:#fff3cd,stroke:#b7950b',
    '  classDef ask fill:#d6eaf8,stroke:#2471a3',
    '  classDef followUp fill:#d5f5e3,stroke:#1e8449',
    '  classDef good fill:#abebc6,stroke:#1e8449,stroke-width:2px',
    '  classDef partial fill:#f9e79f,stroke:#b7950b',
    '  classDef bad fill:#f5b7b1,stroke:#922b21',
    '  classDef unreachable stroke-dasharray:4 4,stroke:#7f8c8d',
  );
  for (const id of options.unreachable ?? []) lines.push(`  class ${mermaidId(id)} unreachable`);
  return `${lines.join('\n')}\n`;
}

import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import { entriesOf, isRawMap, listOfRaw, stringAt } from './raw.ts';
import { listOf, nearest, pathName } from './render.ts';
import { rawRoutes } from './routes.ts';
import type { PathSegment, YamlSource } from './yaml-source.ts';

/** Checks ids: every reference names a node or ending that exists, and no id is used twice. */
export function checkReferences(raw: unknown, source: YamlSource, file: string): Problem[] {
  if (!isRawMap(raw)) return [];
  const problems: Problem[] = [];
  const nodeIds = entriesOf(raw.nodes).map(([id]) => id);
  const endingIds = entriesOf(raw.endings).map(([id]) => id);
  const targets = [...nodeIds, ...endingIds];

  const badReference = (
    path: readonly PathSegment[],
    id: string,
    kind: string,
    candidates: readonly string[],
  ) => {
    const guess = nearest(id, candidates);
    problems.push({
      file,
      ...source.valuePosition(path),
      code: ProblemCode.badReference,
      message: `${pathName(path)} names ${kind} \`${id}\`, which does not exist`,
      hint: `${guess ? `did you mean \`${guess}\`? ` : ''}${kind === 'an ending' ? 'endings' : 'ids'} here: ${listOf(candidates)}`,
    });
  };

  const start = stringAt(raw, 'start');
  if (start !== undefined && !nodeIds.includes(start))
    badReference(['start'], start, 'a node', nodeIds);

  for (const meter of ['anger', 'patience']) {
    const ending = stringAt(isRawMap(raw.limits) ? raw.limits[meter] : undefined, 'ending');
    if (ending !== undefined && !endingIds.includes(ending)) {
      badReference(['limits', meter, 'ending'], ending, 'an ending', endingIds);
    }
  }

  for (const route of rawRoutes(raw)) {
    if (!targets.includes(route.target))
      badReference(route.path, route.target, 'a node or ending', targets);
  }

  for (const endingId of endingIds) {
    if (nodeIds.includes(endingId)) {
      problems.push({
        file,
        ...source.keyPosition(['endings'], endingId),
        code: ProblemCode.duplicateId,
        message: `\`${endingId}\` is both a node and an ending`,
        hint: `rename the ending, e.g. \`${endingId}Ending\`: \`next\` must say which one it means`,
      });
    }
  }

  const seenChoices = new Map<string, string>();
  for (const [nodeId, node] of entriesOf(raw.nodes)) {
    listOfRaw(isRawMap(node) ? node.choices : undefined).forEach((choice, index) => {
      const choiceId = stringAt(choice, 'id');
      if (choiceId === undefined) return;
      const first = seenChoices.get(choiceId);
      if (first !== undefined) {
        problems.push({
          file,
          ...source.valuePosition(['nodes', nodeId, 'choices', index, 'id']),
          code: ProblemCode.duplicateId,
          message: `choice id \`${choiceId}\` is already used in node \`${first}\``,
          hint: `give it its own id, e.g. \`${nodeId}-${choiceId}\`: transcripts refer to choices by id`,
        });
      } else {
        seenChoices.set(choiceId, nodeId);
      }
    });
  }
  return problems;
}

/** Checks route lists: only the last entry may (and must) go without `if`. */
export function checkRouteLists(raw: unknown, source: YamlSource, file: string): Problem[] {
  const problems: Problem[] = [];
  const visit = (next: unknown, path: readonly PathSegment[]) => {
    const entries = listOfRaw(next);
    entries.forEach((entry, index) => {
      const last = index === entries.length - 1;
      const conditional = stringAt(entry, 'if') !== undefined;
      if (!last && !conditional) {
        problems.push({
          file,
          ...source.valuePosition([...path, index + 1]),
          code: ProblemCode.unreachableRoute,
          message: `this route can never be taken: the one before it has no \`if\``,
          hint: 'add an `if` to the earlier route, or delete the routes after it',
        });
      }
      if (last && conditional) {
        problems.push({
          file,
          ...source.valuePosition([...path, index]),
          code: ProblemCode.unreachableRoute,
          message: 'the last route has an `if`, so the call may have nowhere to go',
          hint: 'end the list with a route without `if`, e.g. `- { goto: apology }`',
        });
      }
    });
  };
  if (!isRawMap(raw)) return problems;
  for (const [nodeId, node] of entriesOf(raw.nodes)) {
    if (!isRawMap(node)) continue;
    listOfRaw(node.choices).forEach((choice, index) => {
      if (isRawMap(choice)) visit(choice.next, ['nodes', nodeId, 'choices', index, 'next']);
    });
    if (isRawMap(node.onSilence))
      visit(node.onSilence.next, ['nodes', nodeId, 'onSilence', 'next']);
  }
  return problems;
}

import { exploreScenario } from './explorer-summary.ts';
import type { ExplorerRequest, ExplorerResponse } from './explorer-client.ts';

/**
 * The Lab's explorer, in a worker: exploring a scenario takes from a few to several hundred
 * milliseconds, which would stall typing on the page's own thread.
 */
/** The worker's global, typed by hand: the project compiles against the DOM lib, not webworker. */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<ExplorerRequest>) => void): void;
  postMessage(message: ExplorerResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { id, scenario } = event.data;
  const startedAt = performance.now();
  let response: ExplorerResponse;
  try {
    const summary = exploreScenario(scenario);
    response = { id, ms: Math.round(performance.now() - startedAt), summary };
  } catch (error) {
    response = {
      id,
      ms: Math.round(performance.now() - startedAt),
      summary: { ok: false, message: error instanceof Error ? error.message : String(error) },
    };
  }
  scope.postMessage(response);
});

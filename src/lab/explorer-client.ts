import type { Scenario } from '../engine/index.ts';
import type { ExplorerSummary } from './explorer-summary.ts';

export interface ExplorerRequest {
  readonly id: number;
  /** The scenario the page loaded: plain data, cloned into the worker. */
  readonly scenario: Scenario;
}

export interface ExplorerResponse {
  readonly id: number;
  /** Time the worker spent loading and exploring, in milliseconds. */
  readonly ms: number;
  readonly summary: ExplorerSummary;
}

/**
 * Runs the explorer in a Web Worker, latest request wins: a request made while another is still
 * running ends that worker and starts a fresh one, so a slow exploration of an old version never
 * delays the answer for the text on screen.
 */
export class ExplorerClient {
  private worker: Worker | null = null;
  private nextId = 0;
  private pending: number | null = null;
  private readonly onResult: (response: ExplorerResponse) => void;

  constructor(onResult: (response: ExplorerResponse) => void) {
    this.onResult = onResult;
  }

  run(scenario: Scenario): void {
    if (this.pending !== null) this.stop();
    const worker = this.ensureWorker();
    this.nextId += 1;
    this.pending = this.nextId;
    const request: ExplorerRequest = { id: this.nextId, scenario };
    worker.postMessage(request);
  }

  /** Ends the worker (the Lab closed, or a newer request replaces a running one). */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./explore-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ExplorerResponse>) => {
      if (event.data.id !== this.pending) return;
      this.pending = null;
      this.onResult(event.data);
    });
    this.worker = worker;
    return worker;
  }
}

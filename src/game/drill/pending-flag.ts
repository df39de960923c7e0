import { browserStorage } from '../../storage/index.ts';

/**
 * A one-byte hint in localStorage that drill results wait in the queue, so a page load can flush
 * them without every player downloading the drill code just to look.
 */
const PENDING_KEY = 'service-dojo.drill-queue-pending';

export function hasPendingSubmissions(): boolean {
  return browserStorage().get(PENDING_KEY) === '1';
}

export function setPendingSubmissions(pending: boolean): void {
  browserStorage().set(PENDING_KEY, pending ? '1' : '0');
}

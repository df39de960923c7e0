import type { CallObserver } from '../game/reporting.ts';
import { LmsStandard } from './package-config.ts';
import type { PackageConfig } from './package-config.ts';
import type { LaunchState, LmsTarget } from './target.ts';
import { LmsTracker } from './tracker.ts';

/** A started LMS session: the tracker, and any other observer the standard brings (cmi5's xAPI). */
export interface LmsSession {
  readonly tracker: LmsTracker;
  readonly launch: LaunchState;
  readonly observers: readonly CallObserver[];
}

/** The package's runtime in its LMS, or null when no LMS answered (played outside one). */
async function findTarget(
  config: PackageConfig,
): Promise<{ target: LmsTarget; extra: () => CallObserver[] } | null> {
  switch (config.standard) {
    case LmsStandard.scorm12: {
      const target = (await import('./scorm12.ts')).Scorm12Target.find();
      return target && { target, extra: () => [] };
    }
    case LmsStandard.scorm2004: {
      const target = (await import('./scorm2004.ts')).Scorm2004Target.find();
      return target && { target, extra: () => [] };
    }
    case LmsStandard.cmi5: {
      const target = (await import('./cmi5/target.ts')).Cmi5Target.fromLaunchUrl(config);
      return target && { target, extra: () => (target.reporter ? [target.reporter] : []) };
    }
  }
}

/**
 * Connects to the LMS the package was built for and starts its session. The session is closed
 * when the page goes away for good. Null when no LMS answered: the game plays unrecorded.
 */
export async function connectLms(config: PackageConfig): Promise<LmsSession | null> {
  const found = await findTarget(config);
  if (!found) {
    console.warn(`Service Dojo: no ${config.standard} LMS found; progress is not recorded.`);
    return null;
  }
  const startedAt = performance.now();
  const launch = await found.target.start();
  const tracker = new LmsTracker(config, found.target, launch);
  let finished = false;
  window.addEventListener('pagehide', (event) => {
    // A page kept in the back/forward cache may come back: only a real unload ends the session.
    if (finished || event.persisted) return;
    finished = true;
    tracker.finish(performance.now() - startedAt);
  });
  return { tracker, launch, observers: found.extra() };
}

import { startGame } from '../game/index.ts';
import { RegistryKey } from '../game/keys.ts';
import { restrictLibrary } from '../game/library.ts';
import { observeCalls } from '../game/reporting.ts';
import { connectLms } from './connect.ts';
import { loadPackageConfig } from './load-config.ts';
import { resumeCall } from './resume.ts';

/**
 * The LMS build's entry (the package's `index.html` loads this instead of `src/main.ts`): reads
 * the package's `lms.json`, offers only its scenarios, connects to the LMS, resumes the call the
 * learner left, and sends xAPI statements to a configured LRS. The normal game loads none of it.
 */
const config = await loadPackageConfig();
if (config) restrictLibrary(config.scenarios);
const session = config
  ? await connectLms(config).catch((error: unknown) => {
      console.warn(
        'Service Dojo: the LMS session could not start; progress is not recorded.',
        error,
      );
      return null;
    })
  : null;
const game = startGame('game', 'mirror', 'captions');
if (config) {
  game.registry.set(RegistryKey.timers, config.timers);
  game.registry.set(RegistryKey.lmsPackage, true);
}
if (config && session) {
  observeCalls(session.tracker);
  for (const observer of session.observers) observeCalls(observer);
  void resumeCall(game, session.tracker, config.scenarios);
}
if (config?.xapi) {
  const { startXapiReporting } = await import('./xapi/reporter.ts');
  observeCalls(startXapiReporting(config, config.xapi, session?.launch.learner));
}

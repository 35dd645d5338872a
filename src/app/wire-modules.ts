import { configureAccounts } from '../modules/accounts/index.js';
import { countLiveEngagements, environmentAccountOf } from '../modules/delivery/index.js';
import { configureSupport } from '../modules/support/index.js';

/**
 * The one place where a module gets what it needs from a module above it (a port), so the import
 * graph stays one-way: accounts and support never import delivery, delivery imports them. Called at
 * start-up by the server, the CLI and the test set-up; calling it again changes nothing.
 */
export function wireModules(): void {
  configureAccounts({ countLiveEngagements });
  configureSupport({ environmentAccountOf });
}

import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { seedDemoPresalesOpportunities } from './demo-presales-opportunities.js';
import { seedDemoPresalesPocs } from './demo-presales-pocs.js';
import { seedDemoPresalesSolutions } from './demo-presales-solutions.js';
import { seedDemoPresalesLibrary } from './demo-presales-library.js';
import { seedDemoPresalesQuestionnaires } from './demo-presales-questionnaires.js';
import { seedDemoPresalesCollateral } from './demo-presales-collateral.js';

/**
 * The demo workspace's pre-sales (issue 16), in dependency order: opportunities first (the rest
 * hang on them, found by name), the answer library before the questionnaire it fills.
 */
export async function seedDemoPresales(db: Kysely<Database>, now: Date): Promise<void> {
  await seedDemoPresalesOpportunities(db, now);
  await seedDemoPresalesPocs(db, now);
  await seedDemoPresalesSolutions(db, now);
  await seedDemoPresalesLibrary(db, now);
  await seedDemoPresalesQuestionnaires(db, now);
  await seedDemoPresalesCollateral(db, now);
}

import type { OpportunityTables } from './opportunities/tables.js';
import type { SolutionTables } from './solutions/tables.js';
import type { LibraryTables } from './library/tables.js';
import type { QuestionnaireTables } from './questionnaires/tables.js';
import type { CollateralTables } from './collateral/tables.js';

/** The presales module's tables (issue 16, migrations 0025–0030); merged into `Database` in src/db/schema.ts. */
export interface PresalesTables extends OpportunityTables, SolutionTables, LibraryTables, QuestionnaireTables, CollateralTables {}

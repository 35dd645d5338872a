import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HealthMeasure, HealthModel } from '../contract/health.js';
import { DEFAULT_MODEL } from './default-model.js';
import type { ScoringModel } from './score.js';

/** A model as stored: 'default' or a segment, with what the API shows of it. */
export interface StoredModel extends ScoringModel {
  scope: string;
  updatedAt: string;
}

/** The built-in default, shown with the epoch as its date until someone saves one. */
export const BUILT_IN_DEFAULT: StoredModel = { scope: 'default', ...DEFAULT_MODEL, updatedAt: new Date(0).toISOString() };

/** Every stored model by scope, with the built-in default when none is stored for 'default'. */
export async function loadModels(db: Kysely<Database>): Promise<Map<string, StoredModel>> {
  const rows = await db.selectFrom('health_models').selectAll().execute();
  const models = new Map<string, StoredModel>([['default', BUILT_IN_DEFAULT]]);
  for (const r of rows)
    models.set(r.scope, {
      scope: r.scope,
      measures: JSON.parse(r.measures) as HealthMeasure[],
      greenMin: Number(r.green_min),
      yellowMin: Number(r.yellow_min),
      updatedAt: r.updated_at,
    });
  return models;
}

/** The model an account of `segment` is scored by: its segment's, else the default. */
export function modelFor(models: Map<string, StoredModel>, segment: string): StoredModel {
  return models.get(segment) ?? models.get('default') ?? BUILT_IN_DEFAULT;
}

export function toHealthModel(m: StoredModel): HealthModel {
  return {
    scope: m.scope as HealthModel['scope'],
    measures: [...m.measures],
    greenMin: m.greenMin,
    yellowMin: m.yellowMin,
    updatedAt: m.updatedAt,
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../../../db/schema.js';
import type { ChangeContext } from '../../../../../kernel/actor.js';
import { recordAudit } from '../../../../../kernel/audit.js';
import { nowIso } from '../../../../../kernel/clock.js';
import { errors } from '../../../../../kernel/errors.js';
import { newId } from '../../../../../kernel/ids.js';
import { inTransaction } from '../../../../../kernel/transaction.js';
import { importMappingSchema, type ImportPreview, type ImportReport } from '../../../contract/solutions.js';
import { requireDeal } from '../../deal.js';
import { captureGap } from '../../gap-feedback.js';
import { isUniqueViolation } from '../../unique-violation.js';
import { nextPosition, referenceKey, type RequirementRow } from '../requirement-rows.js';
import { planImport } from './import-plan.js';
import { MAX_ROWS, readSpreadsheet } from './sheet-grid.js';
import { lastFilledRow, previewSpreadsheet } from './sheet-preview.js';

/**
 * Importing a deal's requirements from the customer's spreadsheet (issue 16), in two calls: the
 * preview reads the file and shows its sheets for the column mapping; the import reads it again
 * with the mapping chosen and writes every row it can in one transaction, with a report of every
 * row it skipped and why.
 */

export interface UploadedFile {
  filename: string;
  content: Buffer;
}

export async function previewRequirementImport(db: Kysely<Database>, opportunityId: string, file: UploadedFile): Promise<ImportPreview> {
  await requireDeal(db, opportunityId);
  return previewSpreadsheet(await readSpreadsheet(file));
}

/** The mapping as sent in the multipart field "mapping" (JSON), checked as the contract says. */
export function parseMapping(raw: string | undefined) {
  let json: unknown;
  try {
    json = JSON.parse(raw ?? '');
  } catch {
    throw errors.importMappingInvalid({ field: 'mapping' });
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success)
    throw errors.importMappingInvalid({
      field: 'mapping',
      issues: parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message })),
    });
  return parsed.data;
}

const BATCH = 200;

export async function importRequirements(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  file: UploadedFile,
  rawMapping: string | undefined,
): Promise<ImportReport> {
  const mapping = parseMapping(rawMapping);
  await requireDeal(db, opportunityId);
  const spreadsheet = await readSpreadsheet(file);
  const sheet = mapping.sheet === undefined ? spreadsheet.sheets[0] : spreadsheet.sheets.find((s) => s.name === mapping.sheet);
  if (!sheet) throw errors.importSheetNotFound({ field: 'sheet', sheets: spreadsheet.sheets.map((s) => s.name) });
  const last = lastFilledRow(sheet);
  if (last <= mapping.headerRow) throw errors.importSheetEmpty({ field: 'headerRow', sheet: sheet.name });
  if (last + sheet.unreadRows - mapping.headerRow > MAX_ROWS) throw errors.importTooManyRows({ field: 'file', sheet: sheet.name });

  const existing = await db
    .selectFrom('requirements')
    .select('reference_key')
    .where('opportunity_id', '=', opportunityId)
    .where('reference_key', 'is not', null)
    .execute();
  const plan = planImport(sheet, mapping, new Set(existing.map((e) => e.reference_key!)));
  const now = nowIso();
  let gapsCaptured = 0;
  try {
    await inTransaction(db, async (trx) => {
      const start = await nextPosition(trx, opportunityId);
      const rows: RequirementRow[] = plan.requirements.map((p, i) => ({
        id: newId(),
        opportunity_id: opportunityId,
        reference: p.reference,
        reference_key: referenceKey(p.reference),
        text: p.text,
        section: p.section,
        priority: p.priority,
        fit: p.fit,
        notes: p.notes,
        position: start + i,
        feedback_item_id: null,
        created_by: ctx.memberId,
        updated_by: ctx.memberId,
        created_at: now,
        updated_at: now,
      }));
      for (let i = 0; i < rows.length; i += BATCH)
        await trx
          .insertInto('requirements')
          .values(rows.slice(i, i + BATCH))
          .execute();
      for (const row of rows.filter((r) => r.fit === 'gap')) {
        await captureGap(trx, ctx, row);
        gapsCaptured += 1;
      }
      await recordAudit(trx, ctx, {
        action: 'requirements.imported',
        recordType: 'opportunity',
        recordId: opportunityId,
        changes: {
          import: [
            null,
            { file: file.filename, sheet: sheet.name, imported: plan.report.imported, skipped: plan.report.skipped, gapsCaptured },
          ],
        },
      });
    });
  } catch (err) {
    // Someone added one of these references while the file was being read.
    if (isUniqueViolation(err)) throw errors.requirementReferenceTaken({ field: 'file' });
    throw err;
  }
  return { ...plan.report, gapsCaptured };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { accountRefs } from '../../../accounts/index.js';
import { requireDeal } from '../deal.js';
import { sowFileName, sowMarkdown } from './sow-document.js';
import { renderSowPdf } from './sow-pdf.js';
import { getSow } from './sow-service.js';

/** A SOW as a file to send: PDF (the default) or Markdown, with its file name and content type. */
export async function exportSow(
  db: Kysely<Database>,
  id: string,
  format: 'pdf' | 'md',
): Promise<{ fileName: string; contentType: string; body: Buffer | string }> {
  const sow = await getSow(db, id);
  const deal = await requireDeal(db, sow.opportunityId);
  const account = (await accountRefs(db, [deal.accountId])).get(deal.accountId);
  const document = { sow, accountName: account?.name ?? 'Customer', dealName: deal.name };
  if (format === 'md')
    return { fileName: sowFileName(sow, 'md'), contentType: 'text/markdown; charset=utf-8', body: sowMarkdown(document) };
  return { fileName: sowFileName(sow, 'pdf'), contentType: 'application/pdf', body: await renderSowPdf(document) };
}

import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import {
  assignQuestions,
  autofillQuestionnaire,
  createQuestionnaire,
  importMapping,
  memberQuestionnaireActor,
  questionAction,
  sectionKey,
  updateQuestion,
  uploadWorkbook,
} from '../../modules/presales/index.js';
import { findMemberRowByEmail } from '../../modules/team/index.js';

const DANIEL = 'daniel.kim@outpost.local'; // sales engineer: owns the questionnaire
const ELENA = 'elena.petrova@outpost.local'; // Tier 2: answers the operations section
const DEAL = 'Maple Street Bank — Security analytics suite';

const ACCESS: [string, string][] = [
  ['IAM-01', 'Do you enforce multi-factor authentication for all administrative and privileged access?'],
  ['IAM-02', 'Do you support single sign-on using SAML 2.0 or OpenID Connect?'],
  ['IAM-03', 'Do you support role-based access control with customer-defined roles?'],
  ['IAM-04', 'Are user access rights reviewed at least quarterly?'],
  ['IAM-05', 'Can customers provision and deprovision users automatically through SCIM?'],
  ['IAM-06', 'Are all administrative actions recorded in an audit log the customer can export?'],
];
const DATA: [string, string][] = [
  ['Encryption', 'Is customer data encrypted at rest using AES-256 or stronger?'],
  ['Encryption', 'Is all data in transit encrypted with TLS 1.2 or higher?'],
  ['Encryption', 'Can the customer manage their own encryption keys (BYOK)?'],
  ['Resilience', 'How often are backups taken, and how often are restores tested?'],
  ['Resilience', 'What are your recovery time and recovery point objectives?'],
  ['Operations', 'Do you hold a current SOC 2 Type II report or ISO 27001 certification?'],
  ['Operations', 'Is an independent penetration test performed at least annually?'],
  ['Operations', 'Within how many hours do you notify customers of a security incident affecting their data?'],
];

/** The bank's questionnaire as their procurement team sends it: a styled header, drop-downs, a count formula. */
async function bankWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Maple Street Bank — Third-party risk';
  const header = (row: ExcelJS.Row) =>
    row.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B3D2E' } };
    });
  const answerCell = (cell: ExcelJS.Cell, list: boolean) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8E1' } };
    if (list) cell.dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No,N/A"'] };
  };

  const access = wb.addWorksheet('Access & Identity');
  access.columns = [{ width: 10 }, { width: 80 }, { width: 10 }, { width: 60 }];
  access.getCell('A1').value = 'Maple Street Bank — Vendor security assessment (section 1 of 2)';
  access.getCell('A1').font = { bold: true, size: 13 };
  access.getRow(3).values = ['Ref', 'Question', 'Yes/No', 'Comments'];
  header(access.getRow(3));
  ACCESS.forEach(([ref, question], i) => {
    const r = 4 + i;
    access.getCell(`A${r}`).value = ref;
    access.getCell(`B${r}`).value = question;
    access.getCell(`B${r}`).alignment = { wrapText: true };
    answerCell(access.getCell(`C${r}`), true);
    answerCell(access.getCell(`D${r}`), false);
  });
  const total = 4 + ACCESS.length + 1;
  access.getCell(`B${total}`).value = 'Questions answered Yes';
  access.getCell(`B${total}`).font = { italic: true };
  access.getCell(`C${total}`).value = { formula: `COUNTIF(C4:C${3 + ACCESS.length},"Yes")`, result: 0 };

  const data = wb.addWorksheet('Data & Operations');
  data.columns = [{ width: 16 }, { width: 80 }, { width: 70 }];
  data.getRow(1).values = ['Category', 'Question', 'Response'];
  header(data.getRow(1));
  DATA.forEach(([category, question], i) => {
    data.getCell(`A${i + 2}`).value = category;
    data.getCell(`B${i + 2}`).value = question;
    data.getCell(`B${i + 2}`).alignment = { wrapText: true };
    answerCell(data.getCell(`C${i + 2}`), false);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The demo workspace's security questionnaire (issue 16): Maple Street Bank's assessment on the
 * "Security analytics suite" deal, imported through the questionnaire service, auto-filled from the
 * answer library (seeded just before), a few answers approved, the operations section assigned to
 * a Tier 2 engineer.
 */
export async function seedDemoPresalesQuestionnaires(db: Kysely<Database>, now: Date): Promise<void> {
  const deal = await db.selectFrom('opportunities').select(['id', 'account_id']).where('name', '=', DEAL).executeTakeFirst();
  const [daniel, elena] = await Promise.all([findMemberRowByEmail(db, DANIEL), findMemberRowByEmail(db, ELENA)]);
  if (!deal || !daniel || !elena) return;
  const owner = memberQuestionnaireActor(daniel.id);
  const day = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  const questionnaire = await createQuestionnaire(db, owner, {
    accountId: deal.account_id,
    opportunityId: deal.id,
    title: 'Maple Street Bank vendor security assessment',
    kind: 'security',
    dueOn: day(12),
    ownerId: daniel.id,
  });
  await uploadWorkbook(db, owner, questionnaire.id, { filename: 'MSB Vendor Security Assessment.xlsx', content: await bankWorkbook() });
  await importMapping(db, owner, questionnaire.id, {
    sheets: [
      { sheet: 'Access & Identity', headerRow: 3, referenceColumn: 'A', questionColumn: 'B', shortAnswerColumn: 'C', commentColumn: 'D' },
      { sheet: 'Data & Operations', headerRow: 1, sectionColumn: 'A', questionColumn: 'B', answerColumn: 'C' },
    ],
  });
  await autofillQuestionnaire(db, owner, questionnaire.id);

  const questions = await db
    .selectFrom('questionnaire_questions')
    .select(['id', 'status', 'sheet', 'section', 'suggestion_stale'])
    .where('questionnaire_id', '=', questionnaire.id)
    .orderBy('position')
    .execute();
  // Three fresh suggestions taken and approved by the owner; a fourth accepted and waiting for review.
  const fresh = questions.filter((q) => q.status === 'suggested' && !Number(q.suggestion_stale));
  for (const q of fresh.slice(0, 3)) {
    await questionAction(db, owner, q.id, 'accept');
    await questionAction(db, owner, q.id, 'approve');
  }
  if (fresh[3]) await questionAction(db, owner, fresh[3].id, 'accept');

  // Two answers the library has no entry for, written by hand: one approved, one a draft.
  const byRef = await db
    .selectFrom('questionnaire_questions')
    .select(['id', 'reference', 'status'])
    .where('questionnaire_id', '=', questionnaire.id)
    .where('reference', 'in', ['IAM-03', 'IAM-05'])
    .execute();
  for (const q of byRef.filter((x) => x.status === 'unanswered' || x.status === 'suggested')) {
    const scim = q.reference === 'IAM-05';
    await updateQuestion(db, owner, q.id, {
      answerShort: 'Yes',
      comment: scim
        ? 'SCIM 2.0 provisioning with Entra ID, Okta and any SCIM-compliant identity provider; deprovisioning revokes sessions within a minute.'
        : 'Custom roles combine 140 fine-grained permissions; roles can be scoped to sites and data sources.',
    });
    if (scim) await questionAction(db, owner, q.id, 'approve');
  }

  const operations = questions.find((q) => q.section === 'Operations');
  if (operations)
    await assignQuestions(db, owner, questionnaire.id, {
      section: sectionKey(operations.sheet, operations.section),
      assigneeId: elena.id,
      dueOn: day(7),
    });
}

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { nowIso } from '../../../kernel/clock.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { ImportReport, Question, Questionnaire, WorkbookPreview } from '../contract/questionnaires.js';
import { insertEntries } from '../library/entry-rows.js';
import { insertOpportunity } from '../opportunities/test-opportunities.js';
import { ACCESS_QUESTIONS, SECURITY_MAPPING, largeWorkbookBytes, securityWorkbookBytes } from './test-workbooks.js';

/** A multipart/form-data body with one file in the field "file". */
function multipart(fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----outpost${unique()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = 86_400_000;

describe.each(testDialects())('questionnaires on %s', (dialect) => {
  let t: TestApp;
  let lead: SignedIn; // sales engineer: presales.manage
  let expert: SignedIn; // Tier 2: presales.write, not a lead
  let owner: SignedIn; // Tier 2 owning one questionnaire
  let stakeholder: SignedIn;
  let field: SignedIn; // no presales.write
  let accountId: string;
  let otherAccountId: string;
  let opportunityId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    lead = await signInAs(t, ['sales_engineer']);
    expert = await signInAs(t, ['support_tier2']);
    owner = await signInAs(t, ['support_tier2']);
    stakeholder = await signInAs(t, ['stakeholder']);
    field = await signInAs(t, ['field']);
    accountId = (await createAccountViaService(t.db, { name: `Northwind ${unique()}` })).id;
    otherAccountId = (await createAccountViaService(t.db)).id;
    opportunityId = await insertOpportunity(db(), accountId, { name: 'Northwind — security suite' });
    const now = nowIso();
    const longAgo = new Date(Date.now() - 400 * DAY).toISOString();
    await db()
      .transaction()
      .execute((trx) =>
        insertEntries(
          trx,
          [
            {
              question: 'Do you enforce multi-factor authentication (MFA) for administrators?',
              variants: ['Is MFA required for all administrative access?', 'Do admins sign in with two-factor authentication?'],
              shortAnswer: 'yes',
              longAnswer: 'Yes. Every administrative account signs in through our identity provider with phishing-resistant MFA.',
              status: 'approved',
            },
            {
              // Reviewed more than a year ago with a 180-day interval: stale.
              question: 'Do you support single sign-on (SSO) with SAML 2.0 or OpenID Connect?',
              variants: ['Is SAML or OIDC single sign-on supported?'],
              shortAnswer: 'yes',
              longAnswer: 'Yes, SAML 2.0 and OpenID Connect with any standards-based identity provider.',
              status: 'approved',
              lastReviewedAt: longAgo,
            },
            {
              question: 'Do you offer an on-premises deployment?',
              shortAnswer: 'no',
              longAnswer: 'No; the product runs as a managed cloud service.',
              status: 'approved',
            },
            {
              question: 'Are security events logged centrally and retained for at least 12 months?',
              shortAnswer: 'yes',
              longAnswer: 'A draft nobody approved yet.',
              status: 'draft',
            },
          ],
          lead.memberId,
          now,
        ),
      );
  });
  afterAll(async () => t.close());

  async function createQuestionnaire(who: SignedIn = lead, extra: Record<string, unknown> = {}): Promise<Questionnaire> {
    const res = await who.request({
      method: 'POST',
      url: '/api/questionnaires',
      payload: {
        accountId,
        opportunityId,
        title: `Vendor security assessment ${unique()}`,
        kind: 'security',
        dueOn: '2031-03-01',
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Questionnaire>();
  }

  async function upload(id: string, fileName: string, content: Buffer, who: SignedIn = lead) {
    return who.request({ method: 'POST', url: `/api/questionnaires/${id}/workbook`, ...multipart(fileName, content, XLSX) });
  }

  /** A questionnaire with the security workbook imported by its mapping. */
  async function importedQuestionnaire(who: SignedIn = lead, extra: Record<string, unknown> = {}) {
    const q = await createQuestionnaire(who, extra);
    expect((await upload(q.id, 'Northwind assessment.xlsx', await securityWorkbookBytes(), who)).statusCode).toBe(200);
    const res = await who.request({ method: 'PUT', url: `/api/questionnaires/${q.id}/mapping`, payload: SECURITY_MAPPING });
    expect(res.statusCode, res.body).toBe(200);
    return { id: q.id, report: res.json<ImportReport>() };
  }

  async function questions(id: string, query = '', who: SignedIn = lead): Promise<Question[]> {
    const res = await who.request({ method: 'GET', url: `/api/questionnaires/${id}/questions${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Question[] }>().items;
  }

  const byRow = (list: Question[], sheet: string, row: number) => list.find((q) => q.sheet === sheet && q.rowNumber === row)!;
  const act = (who: SignedIn, questionId: string, action: string) =>
    who.request({ method: 'POST', url: `/api/questionnaire-questions/${questionId}/${action}` });

  it('uploads a workbook, keeps it, and previews each sheet with a guessed mapping', async () => {
    const q = await createQuestionnaire();
    expect(q).toMatchObject({ status: 'mapping', kind: 'security', owner: { id: lead.memberId }, opportunity: { id: opportunityId } });
    const bytes = await securityWorkbookBytes();
    const res = await upload(q.id, 'Northwind assessment.xlsx', bytes);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<WorkbookPreview>();
    expect(preview.format).toBe('xlsx');
    expect(preview.sheets.map((s) => [s.name, s.guess.skip])).toEqual([
      ['Instructions', true],
      ['Access Control', false],
      ['Data Protection', false],
      ['Sign-off', true],
    ]);
    expect(preview.sheets[1]!.guess).toMatchObject({ headerRow: 2, questionColumn: 'B', shortAnswerColumn: 'C', commentColumn: 'D' });
    const again = await lead.request({ method: 'GET', url: `/api/questionnaires/${q.id}/workbook` });
    expect(again.json()).toEqual(preview);
    const stored = await db()
      .selectFrom('questionnaires')
      .select(['file_bytes', 'file_size'])
      .where('id', '=', q.id)
      .executeTakeFirstOrThrow();
    // Kept byte for byte: the export patches a copy of exactly what the customer sent.
    expect(Buffer.from(stored.file_bytes!).equals(bytes)).toBe(true);
    expect(Number(stored.file_size)).toBe(bytes.length);
  });

  it('imports the questions by the mapping, each with its cells, and reports every row it skipped and why', async () => {
    const { id, report } = await importedQuestionnaire();
    expect(report.questions).toBe(10);
    expect(report.sheets.map((s) => [s.sheet, s.status, s.questions])).toEqual([
      ['Instructions', 'skipped', 0],
      ['Access Control', 'imported', 6],
      ['Data Protection', 'imported', 4],
      ['Sign-off', 'no_questions', 0],
    ]);
    expect(report.rows.filter((r) => r.kind === 'skipped').map((r) => [r.sheet, r.row, r.code])).toEqual([
      ['Access Control', 1, 'above_header'],
      ['Access Control', 6, 'empty_row'],
      ['Access Control', 8, 'header_repeated'],
      ['Access Control', 11, 'formula_question'],
      ['Access Control', 14, 'merged_question'],
      ['Access Control', 15, 'empty_row'],
      ['Access Control', 16, 'no_question'],
      ['Data Protection', 6, 'summary_row'],
    ]);
    const saved = await lead.request({ method: 'GET', url: `/api/questionnaires/${id}/import-report` });
    expect(saved.json()).toEqual(report);

    const detail = (await lead.request({ method: 'GET', url: `/api/questionnaires/${id}` })).json<Questionnaire>();
    expect(detail).toMatchObject({
      status: 'in_progress',
      questionCount: 10,
      progress: { unanswered: 9, drafted: 1, suggested: 0, reviewed: 0, approved: 0 },
      importSummary: { questions: 10, sections: 4, skippedRows: 8 },
      canApprove: true,
    });
    expect(detail.sections.map((s) => [s.sheet, s.section, s.total])).toEqual([
      ['Access Control', 'Identity and authentication', 3],
      ['Access Control', 'Logging and monitoring', 3],
      ['Data Protection', 'Encryption', 3],
      ['Data Protection', 'Backup', 1],
    ]);

    const list = await questions(id);
    expect(byRow(list, 'Access Control', 4)).toMatchObject({
      reference: 'A.1.1',
      question: ACCESS_QUESTIONS[4],
      cells: { question: 'B4', shortAnswer: 'C4', answer: null, comment: 'D4' },
      status: 'unanswered',
    });
    // The answer the workbook already held is a draft, never approved.
    expect(byRow(list, 'Data Protection', 4)).toMatchObject({
      status: 'drafted',
      answer: 'Customer-managed keys are available on request',
      origin: 'workbook',
    });
    const section = detail.sections[1]!;
    expect((await questions(id, `?section=${section.key}`)).map((q) => q.rowNumber)).toEqual([10, 12, 13]);
  });

  it('refuses a mapping that yields no question (the report comes with the error) and a sheet the workbook lacks', async () => {
    const q = await createQuestionnaire();
    await upload(q.id, 'assessment.xlsx', await securityWorkbookBytes());
    const none = await lead.request({
      method: 'PUT',
      url: `/api/questionnaires/${q.id}/mapping`,
      payload: { sheets: [{ sheet: 'Sign-off', headerRow: 1, questionColumn: 'A', answerColumn: 'B' }] },
    });
    const error = expectError(none, 422, 'questionnaires.no_questions');
    expect((error.details.report as ImportReport).sheets.find((s) => s.sheet === 'Sign-off')?.status).toBe('no_questions');
    const missing = await lead.request({
      method: 'PUT',
      url: `/api/questionnaires/${q.id}/mapping`,
      payload: { sheets: [{ sheet: 'Pricing', questionColumn: 'A', answerColumn: 'B' }] },
    });
    expect(expectError(missing, 422, 'questionnaires.sheet_unknown').details.sheets).toContain('Access Control');
    const sameColumn = await lead.request({
      method: 'PUT',
      url: `/api/questionnaires/${q.id}/mapping`,
      payload: { sheets: [{ sheet: 'Access Control', questionColumn: 'B', answerColumn: 'b' }] },
    });
    expect(expectError(sameColumn, 400, 'request.invalid').message).toContain('answerColumn');
    const notAWorkbook = await upload(q.id, 'assessment.xlsx', Buffer.from('not a zip at all'));
    expectError(notAWorkbook, 422, 'questionnaires.file_unreadable');
    const oldXls = await upload(q.id, 'assessment.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(expectError(oldXls, 422, 'questionnaires.file_unreadable').details.reason).toMatch(/save it as \.xlsx/);
  });

  it('imports 5,000 questions from one sheet and pages through them', async () => {
    const q = await createQuestionnaire();
    const preview = (await upload(q.id, 'big.xlsx', await largeWorkbookBytes(5000))).json<WorkbookPreview>();
    expect(preview.sheets[0]!.guess).toMatchObject({
      headerRow: 1,
      referenceColumn: 'A',
      sectionColumn: 'B',
      questionColumn: 'C',
      answerColumn: 'D',
    });
    const res = await lead.request({
      method: 'PUT',
      url: `/api/questionnaires/${q.id}/mapping`,
      payload: { sheets: [preview.sheets[0]!.guess] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ questions: 5000, sections: 5, rows: [] });
    const detail = (await lead.request({ method: 'GET', url: `/api/questionnaires/${q.id}` })).json<Questionnaire>();
    expect(detail.progress.unanswered).toBe(5000);
    expect(detail.sections.map((s) => s.total)).toEqual([1000, 1000, 1000, 1000, 1000]);
    let cursor: string | null = null;
    let seen = 0;
    let pages = 0;
    do {
      const page: { items: Question[]; nextCursor: string | null } = (
        await lead.request({
          method: 'GET',
          url: `/api/questionnaires/${q.id}/questions?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        })
      ).json();
      expect(page.items[0]!.position).toBe(seen + 1);
      seen += page.items.length;
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toBe(5000);
  }, 60_000);

  it('imports a CSV file, and exports it back with answers in the mapped columns only', async () => {
    const csv =
      '\ufeffRef;Question;Answer;Comment\r\n' +
      'S1;"Do you encrypt backups?";;\r\n' +
      ';;;\r\n' +
      'S2;"Describe your incident response process,\r\nincluding notification times.";;\r\n' +
      'S3;Do you hold ISO 27001 certification?;;\r\n';
    const q = await createQuestionnaire();
    const preview = (await upload(q.id, 'rfp.csv', Buffer.from(csv))).json<WorkbookPreview>();
    expect(preview).toMatchObject({
      format: 'csv',
      sheets: [{ name: 'rfp', guess: { headerRow: 1, questionColumn: 'B', answerColumn: 'C' } }],
    });
    const report = (
      await lead.request({ method: 'PUT', url: `/api/questionnaires/${q.id}/mapping`, payload: { sheets: [preview.sheets[0]!.guess] } })
    ).json<ImportReport>();
    expect(report.questions).toBe(3);
    expect(report.rows.map((r) => [r.row, r.code])).toEqual([[3, 'empty_row']]);
    const list = await questions(q.id);
    expect(list[1]!.question).toBe('Describe your incident response process,\nincluding notification times.');
    await lead.request({ method: 'PATCH', url: `/api/questionnaire-questions/${list[0]!.id}`, payload: { answer: 'Yes, with AES-256.' } });
    await act(lead, list[0]!.id, 'approve');
    await lead.request({
      method: 'PATCH',
      url: `/api/questionnaire-questions/${list[2]!.id}`,
      payload: { answer: '=Pending audit', comment: 'Draft only' },
    });

    const out = await lead.request({ method: 'GET', url: `/api/questionnaires/${q.id}/export` });
    expect(out.statusCode).toBe(200);
    expect(out.headers['content-disposition']).toContain('rfp - answered.csv');
    expect(out.body).toBe(
      '\ufeffRef;Question;Answer;Comment\r\n' +
        'S1;Do you encrypt backups?;Yes, with AES-256.;\r\n' +
        ';;;\r\n' +
        'S2;"Describe your incident response process,\r\nincluding notification times.";;\r\n' +
        'S3;Do you hold ISO 27001 certification?;;\r\n',
    );
    const drafts = await lead.request({ method: 'GET', url: `/api/questionnaires/${q.id}/export?include=drafted` });
    // A draft starting with "=" is quoted so a spreadsheet never runs it.
    expect(drafts.body).toContain("S3;Do you hold ISO 27001 certification?;'=Pending audit;Draft only");
  });

  it('auto-fills suggestions above the threshold with score and source, flags stale entries, and never approves', async () => {
    const { id } = await importedQuestionnaire();
    const before = await questions(id);
    const prefilled = byRow(before, 'Data Protection', 4);
    const res = await lead.request({ method: 'POST', url: `/api/questionnaires/${id}/autofill`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ considered: 9, leftAlone: 1 });
    expect(result.suggested).toBeGreaterThanOrEqual(2);
    expect(result.stale).toBe(1);

    const after = await questions(id);
    const mfa = byRow(after, 'Access Control', 4);
    expect(mfa.status).toBe('suggested');
    expect(mfa.suggestion).toMatchObject({ shortAnswer: 'Yes', stale: false, question: expect.stringContaining('multi-factor') });
    expect(mfa.suggestion!.score).toBeGreaterThan(0);
    expect(mfa.answer).toBeNull();
    const sso = byRow(after, 'Access Control', 5);
    expect(sso).toMatchObject({ status: 'suggested', suggestion: { stale: true } });
    // A draft library entry is never suggested; the logging question has no approved entry.
    expect(byRow(after, 'Access Control', 10)).toMatchObject({ status: 'unanswered', suggestion: null });
    expect(after.filter((q) => q.status === 'approved')).toEqual([]);
    expect(byRow(after, 'Data Protection', 4)).toEqual(prefilled);

    // A threshold nothing reaches takes the earlier suggestions back.
    const strict = (await lead.request({ method: 'POST', url: `/api/questionnaires/${id}/autofill`, payload: { threshold: 100 } })).json();
    expect(strict.suggested).toBeLessThan(result.suggested);
    const detail = (await lead.request({ method: 'GET', url: `/api/questionnaires/${id}` })).json<Questionnaire>();
    expect(detail.autofill).toMatchObject({ threshold: 100 });
    expect(detail.progress.approved).toBe(0);
  });

  it('moves an answer from suggestion to approval; only the owner or a lead approves; approval counts a library use', async () => {
    const { id } = await importedQuestionnaire();
    await lead.request({ method: 'POST', url: `/api/questionnaires/${id}/autofill`, payload: {} });
    const mfa = byRow(await questions(id), 'Access Control', 4);
    const sso = byRow(await questions(id), 'Access Control', 5);

    const accepted = (await act(expert, mfa.id, 'accept')).json<Question>();
    expect(accepted).toMatchObject({
      status: 'drafted',
      answerShort: 'Yes',
      answer: mfa.suggestion!.longAnswer,
      origin: 'library',
      source: { entryId: mfa.suggestion!.entryId, stale: false },
      draftedBy: { id: expert.memberId },
    });
    expectError(await act(expert, mfa.id, 'accept'), 409, 'questionnaire_questions.status_invalid');
    const reviewed = (await act(expert, mfa.id, 'review')).json<Question>();
    expect(reviewed).toMatchObject({ status: 'reviewed', reviewedBy: { id: expert.memberId } });
    expectError(await act(expert, mfa.id, 'approve'), 403, 'questionnaires.approve_forbidden');
    const approved = (await act(lead, mfa.id, 'approve')).json<Question>();
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { id: lead.memberId } });
    const entry = await db()
      .selectFrom('library_entries')
      .select('usage_count')
      .where('id', '=', mfa.suggestion!.entryId)
      .executeTakeFirstOrThrow();
    expect(Number(entry.usage_count)).toBe(1);

    // A stale entry's answer keeps its flag on the draft.
    expect((await act(expert, sso.id, 'accept')).json<Question>().source).toMatchObject({ stale: true });

    // Editing an approved answer takes it back to drafted; the stamps go.
    const edited = (
      await expert.request({
        method: 'PATCH',
        url: `/api/questionnaire-questions/${mfa.id}`,
        payload: { comment: 'Hardware keys for admins' },
      })
    ).json<Question>();
    expect(edited).toMatchObject({ status: 'drafted', comment: 'Hardware keys for admins', approvedBy: null, origin: 'library' });
    const rewritten = (
      await expert.request({ method: 'PATCH', url: `/api/questionnaire-questions/${mfa.id}`, payload: { answer: 'Yes, always.' } })
    ).json<Question>();
    expect(rewritten.origin).toBe('library_edited');

    // The questionnaire's owner approves without presales.manage; an empty answer is never approved.
    const own = await importedQuestionnaire(lead, { ownerId: owner.memberId });
    const first = byRow(await questions(own.id), 'Access Control', 4);
    expectError(await act(owner, first.id, 'approve'), 409, 'questionnaire_questions.status_invalid');
    await owner.request({ method: 'PATCH', url: `/api/questionnaire-questions/${first.id}`, payload: { answerShort: 'Yes' } });
    expect((await act(owner, first.id, 'approve')).json<Question>().status).toBe('approved');
    expectError(await act(expert, first.id, 'reopen'), 403, 'questionnaires.approve_forbidden');
    expect((await act(owner, first.id, 'reopen')).json<Question>().status).toBe('drafted');

    // Readers read; they do not answer.
    expectError(await act(stakeholder, first.id, 'review'), 403, 'auth.forbidden');
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', mfa.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'questionnaire_question.accepted',
      'questionnaire_question.reviewed',
      'questionnaire_question.approved',
      'questionnaire_question.edited',
      'questionnaire_question.edited',
    ]);
  });

  it('applies one action to many questions and says why any was refused', async () => {
    const { id } = await importedQuestionnaire();
    await lead.request({ method: 'POST', url: `/api/questionnaires/${id}/autofill`, payload: {} });
    const list = await questions(id);
    const suggested = list.filter((q) => q.status === 'suggested').map((q) => q.id);
    const unanswered = list.find((q) => q.status === 'unanswered')!.id;
    const res = await expert.request({
      method: 'POST',
      url: `/api/questionnaires/${id}/questions/bulk`,
      payload: { action: 'accept', questionIds: [...suggested, unanswered, 'no-such-question'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      done: suggested.length,
      refused: [
        { questionId: unanswered, code: 'questionnaire_questions.status_invalid', message: expect.any(String) },
        { questionId: 'no-such-question', code: 'questionnaire_questions.not_found', message: expect.any(String) },
      ],
    });
    const approve = (
      await expert.request({
        method: 'POST',
        url: `/api/questionnaires/${id}/questions/bulk`,
        payload: { action: 'approve', questionIds: suggested },
      })
    ).json();
    expect(approve.done).toBe(0);
    expect(approve.refused.every((r: { code: string }) => r.code === 'questionnaires.approve_forbidden')).toBe(true);
  });

  it('assigns a section to an expert, who is told in the app and by e-mail, and finds the questions as "mine"', async () => {
    const { id } = await importedQuestionnaire();
    const detail = (await lead.request({ method: 'GET', url: `/api/questionnaires/${id}` })).json<Questionnaire>();
    const logging = detail.sections.find((s) => s.section === 'Logging and monitoring')!;
    const res = await lead.request({
      method: 'POST',
      url: `/api/questionnaires/${id}/assign`,
      payload: { section: logging.key, assigneeId: expert.memberId, dueOn: '2031-02-20' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ assigned: 3, notified: [expert.memberId] });
    const notes = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('member_id', '=', expert.memberId)
      .where('kind', '=', 'presales.questions_assigned')
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toContain('the section “Logging and monitoring” (3 questions)');
    expect(notes[0]!.link).toBe(`/presales/questionnaires/${id}?assignee=me`);
    const mails = (await db().selectFrom('outbox_emails').select(['to_addresses', 'subject']).execute()).filter((m) =>
      (JSON.parse(m.to_addresses) as string[]).includes(expert.email),
    );
    expect(mails.map((m) => m.subject)).toContain(notes[0]!.title);

    const mine = await questions(id, '?assignee=me', expert);
    expect(mine.map((q) => [q.rowNumber, q.assignee?.id, q.assignmentDueOn])).toEqual([
      [10, expert.memberId, '2031-02-20'],
      [12, expert.memberId, '2031-02-20'],
      [13, expert.memberId, '2031-02-20'],
    ]);
    const after = (await lead.request({ method: 'GET', url: `/api/questionnaires/${id}` })).json<Questionnaire>();
    expect(after.sections.find((s) => s.key === logging.key)).toMatchObject({ assignees: [{ id: expert.memberId }], dueOn: '2031-02-20' });

    // One question to oneself: nobody is told.
    const self = await expert.request({
      method: 'POST',
      url: `/api/questionnaires/${id}/assign`,
      payload: { questionIds: [mine[0]!.id], assigneeId: expert.memberId },
    });
    expect(self.json()).toEqual({ assigned: 1, notified: [] });
    const notExpert = await lead.request({
      method: 'POST',
      url: `/api/questionnaires/${id}/assign`,
      payload: { questionIds: [mine[0]!.id], assigneeId: field.memberId },
    });
    expectError(notExpert, 422, 'questionnaires.member_unknown');
    // Work has started: the workbook and mapping stay.
    expectError(await upload(id, 'again.xlsx', await securityWorkbookBytes()), 409, 'questionnaires.work_started');
    expectError(
      await lead.request({ method: 'PUT', url: `/api/questionnaires/${id}/mapping`, payload: SECURITY_MAPPING }),
      409,
      'questionnaires.work_started',
    );
  });

  it('turns a question nobody can answer into a feedback gap on the account', async () => {
    const { id } = await importedQuestionnaire();
    const question = byRow(await questions(id), 'Access Control', 13);
    const res = await expert.request({
      method: 'POST',
      url: `/api/questionnaire-questions/${question.id}/gap`,
      payload: { impact: 'blocker', note: 'They require an annual third-party test before signing.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const gap = res.json<Question>().gap!;
    const item = await db().selectFrom('feedback_items').selectAll().where('id', '=', gap.feedbackItemId).executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      account_id: accountId,
      source_type: 'questionnaire_question',
      source_id: question.id,
      impact: 'blocker',
      title: ACCESS_QUESTIONS[13],
    });
    expect(item.quote).toContain('A.2.4: Do you perform an annual penetration test');
    expect(item.quote).toContain('annual third-party test before signing');
    expect(item.source_url).toBe(`/presales/questionnaires/${id}?question=${question.id}`);
    expect(item.source_label).toContain('Access Control!B13');
    expectError(
      await expert.request({ method: 'POST', url: `/api/questionnaire-questions/${question.id}/gap`, payload: {} }),
      409,
      'questionnaire_questions.gap_exists',
    );
    expect((await questions(id, '?gap=true')).map((q) => q.id)).toEqual([question.id]);
  });

  it('exports approved answers into the same workbook, in the mapped cells only; drafts on request; CSV lists every question', async () => {
    const { id } = await importedQuestionnaire();
    const list = await questions(id);
    const mfa = byRow(list, 'Access Control', 4);
    const keys = byRow(list, 'Data Protection', 4);
    const backup = byRow(list, 'Data Protection', 5);
    await lead.request({
      method: 'PATCH',
      url: `/api/questionnaire-questions/${mfa.id}`,
      payload: { answerShort: 'Yes', answer: 'Phishing-resistant MFA for every admin.', comment: 'See SOC 2, CC6.1' },
    });
    await act(lead, mfa.id, 'approve');
    await act(lead, keys.id, 'approve');
    await lead.request({
      method: 'PATCH',
      url: `/api/questionnaire-questions/${backup.id}`,
      payload: { answer: 'Daily, restores tested quarterly' },
    });

    const res = await lead.request({ method: 'GET', url: `/api/questionnaires/${id}/export` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain('Northwind assessment - answered.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ac = wb.getWorksheet('Access Control')!;
    const dp = wb.getWorksheet('Data Protection')!;
    // Short answer and comment columns only: the long answer has no cell of its own, so the Yes/No cell takes the short one.
    expect(ac.getCell('C4').value).toBe('Yes');
    expect(ac.getCell('D4').value).toBe('See SOC 2, CC6.1');
    expect(dp.getCell('C4').value).toBe('Customer-managed keys are available on request');
    expect(dp.getCell('C5').value).toBeNull(); // drafted, not approved
    expect(ac.getCell('C16').formula).toBe('COUNTIF(C4:C14,"Yes")');
    expect(ac.getCell('C4').dataValidation).toMatchObject({ type: 'list' });

    const drafts = await lead.request({ method: 'GET', url: `/api/questionnaires/${id}/export?include=drafted` });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(drafts.rawPayload as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('Data Protection')!.getCell('C5').value).toBe('Daily, restores tested quarterly');

    const csv = await lead.request({ method: 'GET', url: `/api/questionnaires/${id}/export?format=csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('sheet,row,reference,section,question,short answer,answer,comment,status,source,approved by,approved at');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toContain('Access Control,4,A.1.1,Identity and authentication,');
    expect(lines[1]).toContain(',Yes,Phishing-resistant MFA for every admin.,"See SOC 2, CC6.1",approved,Written by the team,');
    expect(lines.find((l) => l.startsWith('Data Protection,5'))).toContain(',,,,drafted,,');
    expectError(await stakeholder.request({ method: 'GET', url: `/api/questionnaires/${id}/export?format=pdf` }), 400, 'request.invalid');
  });

  it('keeps questionnaires on their account’s opportunities, lists them with progress, and lets only the owner or a lead delete', async () => {
    const foreign = await lead.request({
      method: 'POST',
      url: '/api/questionnaires',
      payload: { accountId: otherAccountId, opportunityId, title: 'Wrong deal' },
    });
    expectError(foreign, 422, 'questionnaires.opportunity_foreign');
    const { id } = await importedQuestionnaire();
    const page = (await stakeholder.request({ method: 'GET', url: `/api/questionnaires?opportunityId=${opportunityId}` })).json();
    const listed = page.items.find((q: { id: string }) => q.id === id);
    expect(listed).toMatchObject({ questionCount: 10, progress: { unanswered: 9, drafted: 1 }, dueOn: '2031-03-01' });
    expectError(await stakeholder.request({ method: 'POST', url: '/api/questionnaires', payload: { accountId, title: 'x' } }), 403);
    const submitted = await lead.request({ method: 'PATCH', url: `/api/questionnaires/${id}`, payload: { status: 'submitted' } });
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: expect.any(String) });
    expectError(await expert.request({ method: 'DELETE', url: `/api/questionnaires/${id}` }), 403, 'questionnaires.approve_forbidden');
    expect((await lead.request({ method: 'DELETE', url: `/api/questionnaires/${id}` })).statusCode).toBe(204);
    expectError(await lead.request({ method: 'GET', url: `/api/questionnaires/${id}` }), 404, 'questionnaires.not_found');
    expect(await db().selectFrom('questionnaire_questions').select('id').where('questionnaire_id', '=', id).execute()).toEqual([]);
  });
});

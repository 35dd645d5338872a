import { SECURITY_MAPPING, securityWorkbookBytes } from '../../../src/modules/presales/questionnaires/test-workbooks.js';
import type { CaseSet, WriteCase } from './write-case.js';

/** The security workbook as a multipart upload, as the import screen sends it. */
async function workbookUpload() {
  const boundary = '----outpostquestionnaire';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="assessment.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, await securityWorkbookBytes(), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const QUESTION_ACTIONS = ['accept', 'dismiss', 'review', 'approve', 'reopen'] as const;

/** Presales questionnaires write routes (issue 16). */
export const presalesQuestionnairesCases: CaseSet = {
  async fixtures({ admin, f }) {
    const created = await admin.request({
      method: 'POST',
      url: '/api/questionnaires',
      payload: { accountId: f.accountId, title: 'Fixture security questionnaire' },
    });
    if (created.statusCode !== 201) throw new Error(`questionnaire fixture: ${created.body}`);
    const id = (created.json() as { id: string }).id;
    const uploaded = await admin.request({ method: 'POST', url: `/api/questionnaires/${id}/workbook`, ...(await workbookUpload()) });
    if (uploaded.statusCode !== 200) throw new Error(`questionnaire workbook fixture: ${uploaded.body}`);
    const mapped = await admin.request({ method: 'PUT', url: `/api/questionnaires/${id}/mapping`, payload: SECURITY_MAPPING });
    if (mapped.statusCode !== 200) throw new Error(`questionnaire mapping fixture: ${mapped.body}`);
    const questions = await admin.request({ method: 'GET', url: `/api/questionnaires/${id}/questions?limit=1` });
    return { questionnaireId: id, questionnaireQuestionId: (questions.json() as { items: { id: string }[] }).items[0]!.id };
  },
  cases: {
    'POST /api/questionnaires': {
      url: () => '/api/questionnaires',
      validBody: (f) => ({ accountId: f.accountId, title: 'Another questionnaire', kind: 'rfp' }),
      wrongTypes: { body: { accountId: 'x', title: 'Typed', dueOn: 20310301 }, path: 'dueOn' },
    },
    'PATCH /api/questionnaires/:id': {
      url: (f) => `/api/questionnaires/${f.questionnaireId}`,
      validBody: () => ({ title: 'Renamed questionnaire' }),
      wrongTypes: { body: { kind: 3 }, path: 'kind' },
      unknownId: { url: '/api/questionnaires/no-such-questionnaire', body: { title: 'x' }, code: 'questionnaires.not_found' },
    },
    'DELETE /api/questionnaires/:id': {
      url: () => '/api/questionnaires/no-such-questionnaire',
      validBody: null,
      unknownId: { url: '/api/questionnaires/no-such-questionnaire', code: 'questionnaires.not_found' },
    },
    // A multipart body: a JSON body is refused before the handler (malformed, too large).
    'POST /api/questionnaires/:id/workbook': {
      url: (f) => `/api/questionnaires/${f.questionnaireId}/workbook`,
      validBody: null,
      unknownId: { url: '/api/questionnaires/no-such-questionnaire/workbook', code: 'questionnaires.not_found' },
    },
    'PUT /api/questionnaires/:id/mapping': {
      url: (f) => `/api/questionnaires/${f.questionnaireId}/mapping`,
      validBody: () => SECURITY_MAPPING,
      wrongTypes: {
        body: { sheets: [{ sheet: 'Access Control', headerRow: 'two', questionColumn: 'B', answerColumn: 'C' }] },
        path: 'sheets.0.headerRow',
      },
      unknownId: {
        url: '/api/questionnaires/no-such-questionnaire/mapping',
        body: { sheets: [{ sheet: 'Sheet1', questionColumn: 'A', answerColumn: 'B' }] },
        code: 'questionnaires.not_found',
      },
    },
    'POST /api/questionnaires/:id/autofill': {
      url: (f) => `/api/questionnaires/${f.questionnaireId}/autofill`,
      validBody: () => ({ threshold: 40 }),
      wrongTypes: { body: { threshold: 'high' }, path: 'threshold' },
      unknownId: { url: '/api/questionnaires/no-such-questionnaire/autofill', body: {}, code: 'questionnaires.not_found' },
    },
    'POST /api/questionnaires/:id/questions/bulk': {
      url: (f) => `/api/questionnaires/${f.questionnaireId}/questions/bulk`,
      validBody: (f) => ({ action: 'review', questionIds: [f.questionnaireQuestionId] }),
      wrongTypes: { body: { action: 'review', questionIds: 'all' }, path: 'questionIds' },
      unknownId: {
        url: '/api/questionnaires/no-such-questionnaire/questions/bulk',
        body: { action: 'accept', questionIds: ['no-such-question'] },
        code: 'questionnaires.not_found',
      },
    },
    'POST /api/questionnaires/:id/assign': {
      url: (f) => `/api/questionnaires/${f.questionnaireId}/assign`,
      validBody: (f) => ({ questionIds: [f.questionnaireQuestionId], assigneeId: null }),
      wrongTypes: { body: { questionIds: ['x'], assigneeId: 7 }, path: 'assigneeId' },
      unknownId: {
        url: '/api/questionnaires/no-such-questionnaire/assign',
        body: { questionIds: ['no-such-question'], assigneeId: null },
        code: 'questionnaires.not_found',
      },
    },
    'PATCH /api/questionnaire-questions/:id': {
      url: (f) => `/api/questionnaire-questions/${f.questionnaireQuestionId}`,
      validBody: () => ({ answer: 'Yes, enforced for every administrator.' }),
      wrongTypes: { body: { answer: ['Yes'] }, path: 'answer' },
      unknownId: { url: '/api/questionnaire-questions/no-such-question', body: { answer: 'x' }, code: 'questionnaire_questions.not_found' },
    },
    ...Object.fromEntries(
      QUESTION_ACTIONS.map((action): [string, WriteCase] => [
        `POST /api/questionnaire-questions/:id/${action}`,
        {
          url: (f) => `/api/questionnaire-questions/${f.questionnaireQuestionId}/${action}`,
          validBody: null,
          unknownId: { url: `/api/questionnaire-questions/no-such-question/${action}`, code: 'questionnaire_questions.not_found' },
        },
      ]),
    ),
    'POST /api/questionnaire-questions/:id/gap': {
      url: (f) => `/api/questionnaire-questions/${f.questionnaireQuestionId}/gap`,
      validBody: () => ({ impact: 'important' }),
      wrongTypes: { body: { impact: 'huge' }, path: 'impact' },
      unknownId: { url: '/api/questionnaire-questions/no-such-question/gap', body: {}, code: 'questionnaire_questions.not_found' },
    },
  },
};

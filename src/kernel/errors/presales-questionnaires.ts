import { make } from './make.js';

/**
 * Errors of the presales module's questionnaires area (issue 16), spread into the one catalogue in
 * ../errors.ts.
 */
export const presalesQuestionnairesErrors = {
  questionnaireNotFound: make('questionnaires.not_found', 404, 'No questionnaire with this id.'),
  questionNotFound: make('questionnaire_questions.not_found', 404, 'No questionnaire question with this id.'),
  questionnaireFileMissing: make(
    'questionnaires.file_missing',
    409,
    'This questionnaire has no workbook yet: upload the XLSX or CSV file first (POST /api/questionnaires/:id/workbook).',
  ),
  questionnaireFileUnreadable: make(
    'questionnaires.file_unreadable',
    422,
    'The file cannot be read as a questionnaire: send an .xlsx workbook or a UTF-8 CSV file.',
  ),
  questionnaireFileEmpty: make('questionnaires.file_empty', 422, 'The file holds no sheet with any text: check you chose the right file.'),
  questionnaireTooManyQuestions: make(
    'questionnaires.too_many_questions',
    422,
    'The mapping gives more questions than one questionnaire holds (10,000): split the workbook, or skip sheets that are not questions.',
  ),
  questionnaireNoQuestions: make(
    'questionnaires.no_questions',
    422,
    'The mapping found no question in any sheet: check the question column and the header row (see the report for each row).',
  ),
  questionnaireSheetUnknown: make('questionnaires.sheet_unknown', 422, 'The mapping names a sheet the workbook does not have.'),
  questionnaireWorkStarted: make(
    'questionnaires.work_started',
    409,
    'Answers have been drafted, assigned or approved on this questionnaire: the workbook and its mapping can no longer be replaced. Create a new questionnaire instead.',
  ),
  questionnaireNotMapped: make(
    'questionnaires.not_mapped',
    409,
    'Map the workbook’s columns first: the questionnaire has no questions yet.',
  ),
  questionnaireOpportunityForeign: make(
    'questionnaires.opportunity_foreign',
    422,
    'The opportunity belongs to another account: choose one of the questionnaire’s account.',
  ),
  questionnaireMemberUnknown: make('questionnaires.member_unknown', 422, 'Choose an active member.'),
  questionnaireApproveForbidden: make(
    'questionnaires.approve_forbidden',
    403,
    'Only the questionnaire’s owner or a pre-sales lead (presales.manage) approves answers and deletes the questionnaire.',
  ),
  questionStatusInvalid: make('questionnaire_questions.status_invalid', 409, 'The question is not in a status this action applies to.'),
  questionAnswerMissing: make(
    'questionnaire_questions.answer_missing',
    409,
    'The question has no answer yet: write or accept one before it is reviewed or approved.',
  ),
  questionNoSuggestion: make('questionnaire_questions.no_suggestion', 409, 'The question has no library suggestion to accept.'),
  questionGapExists: make('questionnaire_questions.gap_exists', 409, 'This question is already a feedback gap.'),
  questionSectionUnknown: make('questionnaire_questions.section_unknown', 422, 'The questionnaire has no section with this key.'),
};

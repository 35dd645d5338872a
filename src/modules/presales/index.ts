/**
 * The presales module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { presalesPlugin } from './plugin.js';
export { opportunityRefs, type OpportunityRef } from './opportunities/opportunity-refs.js';
export { opportunityFeedbackSource, openOpportunityArr } from './solutions/opportunity-feedback.js';
export { questionnaireQuestionSource } from './questionnaires/question-source.js';
export { pocVerdictChanged } from './pocs/technical-win.js';
export { createCollateral, uploadCollateralVersion } from './collateral/collateral-service.js';
export { sendCollateral } from './collateral/send-service.js';
export { createQuestionnaire } from './questionnaires/questionnaire-service.js';
export { importMapping, uploadWorkbook } from './questionnaires/workbook-import.js';
export { autofillQuestionnaire } from './questionnaires/autofill.js';
export { questionAction } from './questionnaires/question-service.js';
export { assignQuestions } from './questionnaires/assignment.js';
export { memberQuestionnaireActor, type QuestionnaireActor } from './questionnaires/approval-policy.js';
export { createOpportunity, updateOpportunity } from './opportunities/opportunity-service.js';
export { createDealSupport, updateDealSupport } from './opportunities/deal-support-service.js';
export { recordDemo } from './opportunities/demo-service.js';
export { logOpportunityInteraction } from './opportunities/interaction-links.js';
export { updateCollateral } from './collateral/collateral-service.js';
export { collateralSearchSource } from './collateral/collateral-search-documents.js';
export { runLibraryReviewPass, type LibraryReviewPassResult } from './library/review-pass.js';
export { suggestAnswers, DEFAULT_SUGGESTION_THRESHOLD, type LibrarySuggestion } from './library/suggest.js';
export { recordLibraryUse } from './library/library-use.js';
export { createEntriesInBulk as createLibraryEntriesInBulk } from './library/library-service.js';
export { insertEntries as insertLibraryEntries, type NewEntryValues as NewLibraryEntryValues } from './library/entry-rows.js';
export { updateQuestion } from './questionnaires/question-service.js';
export { sectionKey } from './questionnaires/questionnaire-reads.js';
export { createRequirement, setRequirementsFit } from './solutions/requirements/requirement-service.js';
export { createDesign, saveDesignVersion } from './solutions/designs/design-service.js';
export { createRateCardRole } from './solutions/rate-card/rate-card-service.js';
export { createSow, sendSow } from './solutions/sow/sow-service.js';
export { acceptSow } from './solutions/sow/sow-accept.js';
export { opportunityTimeLinks } from './time-link.js';
export { opportunityWorkMix } from './profile-sources.js';

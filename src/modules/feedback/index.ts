/**
 * The feedback module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { feedbackPlugin } from './plugin.js';
export { createEngineeringIssue } from './engineering/issue-service.js';
export type { CreateEngineeringIssueInput, EngineeringIssue } from './engineering/issue-service.js';
export { openBlockerFeedback } from './open-blocker-feedback.js';
export { createFeedbackItem } from './items/item-service.js';
export { createFeatureRequest, setOpportunityBlocker, updateFeatureRequest } from './requests/request-write.js';
export { getFeatureRequest } from './requests/request-read.js';
export { refreshAllRequestFigures, refreshFiguresOfAccount, refreshFiguresOfOpportunity } from './requests/request-figures.js';
export { configureFeedback, type FeedbackPorts, type FeedbackSourceRef } from './ports.js';
export { requestsShippedFor, type ShippedRequest } from './requests/shipped-for-accounts.js';

/**
 * The success module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { successPlugin } from './plugin.js';
export { runSuccessPass } from './success-pass.js';
export { ingestUsage } from './usage/usage-intake.js';
export { saveUsageSettings } from './usage/usage-settings.js';
export { refreshHealth } from './health/health-refresh.js';
export { overrideHealth, saveHealthModel } from './health/health-service.js';
export { DEFAULT_MEASURES } from './health/default-model.js';
export { createRule as createPlaybookRule } from './playbooks/rule-service.js';
export { listPortalPlans } from './plans/plan-service.js';
export { generateReview, getPortalReview, listPortalReviews, sendReview } from './reviews/review-service.js';
export { reviewPdf, reviewPdfName } from './reviews/review-pdf-service.js';
export { healthSettled } from './health/health-refresher.js';

/**
 * The delivery module's public face: the only file other modules (and the composition root) import,
 * besides its contract/ schemas. Everything else in this folder is private to the module.
 */
export { countLiveEngagements } from './engagements/engagement-read.js';
export { environmentAccountOf } from './environments/environment-service.js';
export { deliveryPlugin } from './plugin.js';
export { createEngagement } from './engagements/engagement-write.js';
export { createTemplate } from './engagements/template-service.js';
export { createEnvironment } from './environments/environment-service.js';
export { createRelease } from './environments/release-service.js';
export type { EngagementKind } from './engagements/tables.js';
export { addCriterion } from './records/poc-service.js';
export { updateCriterion } from './records/poc-service.js';
export { generateStatusReport } from './records/status-report-service.js';
export { sendStatusReport } from './records/status-report-service.js';
export { updateStatusReport } from './records/status-report-service.js';
export { recordTrainingFeedback } from './records/training-service.js';
export { scheduleTrainingSession } from './records/training-service.js';
export { updateTrainingSession } from './records/training-service.js';
export { planFieldVisit } from './records/field-visit-service.js';
export { updateFieldVisit } from './records/field-visit-service.js';
export { addCalendarDays } from './engagements/plan.js';
export { addWorkingDays } from './engagements/plan.js';
export { dayOf } from './engagements/plan.js';
export { isWorkingDay } from './engagements/plan.js';
export { workingDaysBetween } from './engagements/plan.js';
export { addComment } from './engagements/task-service.js';
export { createTask } from './engagements/task-service.js';
export { goLiveTaskOf } from './engagements/engagement-read.js';
export { logTaskTime } from './engagements/task-service.js';
export { updateEngagement } from './engagements/engagement-write.js';
export { updateTask } from './engagements/task-service.js';
export type { EngagementStatus } from './engagements/tables.js';
export { addCustomisation } from './environments/customisation-service.js';
export { saveConfiguration } from './environments/environment-service.js';
export { changeUpgradeState } from './environments/campaign-service.js';
export { createCampaign } from './environments/campaign-service.js';
export { updateCampaign } from './environments/campaign-service.js';
export type { UpgradeState } from './environments/tables.js';
export { engagementTaskRef, pocCriterionRef, type DeliveryRecordRef } from './records/record-refs.js';
export { getEnvironment } from './environments/environment-service.js';
export { resolveScope } from './environments/campaign-service.js';
export { environmentsBehind, liveEngagementSlip, trainingAttendance } from './health-figures.js';
export { engagementAccounts } from './engagements/engagement-accounts.js';
export { engagementProgress, type EngagementProgress } from './engagements/engagement-progress.js';
export { liveEngagementPortfolio } from './analytics/delivery-analytics.js';

/**
 * Engagements (DESIGN §2, delivery): the functions other modules and the routes use. Reading and
 * the figures worked out from the plan live in `engagement-read.ts`; creating and changing
 * engagements in `engagement-write.ts`; tasks, comments and time in `task-service.ts`.
 */
export {
  engagementProgress,
  engagementTime,
  getEngagement,
  getTask,
  goLiveTaskOf,
  GO_LIVE_TITLE,
  linkedOpportunity,
  listComments,
  listEngagements,
  myTasks,
  timeToValue,
} from './engagement-read.js';
export { createEngagement, setPocVerdict, updateEngagement } from './engagement-write.js';
export { addComment, createTask, deleteTask, logTaskTime, updateTask } from './task-service.js';

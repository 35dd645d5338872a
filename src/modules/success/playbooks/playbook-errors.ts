import { AppError } from '../../../kernel/errors.js';

// The playbooks' entries of the error catalogue, in the catalogue's shape (stable code, status, a
// message a person can act on). They belong in src/kernel/errors.ts; kept here until the lead moves them.
const make =
  (code: string, status: number, message: string) =>
  (details: Record<string, unknown> = {}) =>
    new AppError(code, status, message, details);

export const playbookErrors = {
  ruleNotFound: make('playbook_rules.not_found', 404, 'No playbook rule with this id.'),
  taskNotFound: make('success_tasks.not_found', 404, 'No success task with this id.'),
  taskClosed: make('success_tasks.closed', 409, 'This task is closed and cannot be changed or reopened; create a new task instead.'),
  stepNotFound: (index: number, count: number) =>
    new AppError('success_tasks.step_not_found', 422, `This task has ${count} step(s), numbered from 0: there is no step ${index}.`, {
      field: 'steps',
    }),
  assigneeUnknown: make('success_tasks.assignee_unknown', 422, 'The assignee is not an active member; pick another member.'),
};

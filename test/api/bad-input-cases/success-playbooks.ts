import type { CaseSet } from './write-case.js';

const ruleBody = () => ({
  name: 'Renewal in 60 days',
  trigger: 'renewal_within',
  params: { days: 60 },
  role: 'customer_success',
  taskTitle: 'Prepare the renewal',
  steps: ['Review health', 'Book the call'],
  dueInDays: 7,
  enabled: false,
});

/** Playbook rules and the success tasks they create (issue 15). */
export const successPlaybookCases: CaseSet = {
  async fixtures({ admin, f }) {
    const rule = await admin.request({ method: 'POST', url: '/api/playbook-rules', payload: ruleBody() });
    const task = await admin.request({
      method: 'POST',
      url: '/api/success-tasks',
      payload: { accountId: f.accountId, title: 'Fixture task', dueOn: '2026-12-10', steps: ['One'] },
    });
    return { playbookRuleId: rule.json().id, successTaskId: task.json().id };
  },
  cases: {
    'POST /api/playbook-rules': {
      url: () => '/api/playbook-rules',
      validBody: () => ruleBody(),
      wrongTypes: { body: { ...ruleBody(), dueInDays: 'seven' }, path: 'dueInDays' },
    },
    'PATCH /api/playbook-rules/:id': {
      url: (f) => `/api/playbook-rules/${f.playbookRuleId}`,
      validBody: () => ({ name: 'Renewal in two months' }),
      wrongTypes: { body: { enabled: 'yes' }, path: 'enabled' },
      unknownId: { url: '/api/playbook-rules/no-such-rule', body: { name: 'x' }, code: 'playbook_rules.not_found' },
    },
    'DELETE /api/playbook-rules/:id': {
      url: () => '/api/playbook-rules/no-such-rule',
      validBody: null,
      unknownId: { url: '/api/playbook-rules/no-such-rule', code: 'playbook_rules.not_found' },
    },
    'POST /api/playbook-rules/:id/run': {
      url: () => '/api/playbook-rules/no-such-rule/run',
      validBody: null,
      unknownId: { url: '/api/playbook-rules/no-such-rule/run', code: 'playbook_rules.not_found' },
    },
    'POST /api/success-tasks': {
      url: () => '/api/success-tasks',
      validBody: (f) => ({ accountId: f.accountId, title: 'Plan the QBR', dueOn: '2026-12-10' }),
      wrongTypes: { body: { accountId: 'x', title: 'Plan', dueOn: 20261210 }, path: 'dueOn' },
    },
    'PATCH /api/success-tasks/:id': {
      url: (f) => `/api/success-tasks/${f.successTaskId}`,
      validBody: () => ({ steps: [{ index: 0, done: true }] }),
      wrongTypes: { body: { steps: [{ index: 'first', done: true }] }, path: 'steps.0.index' },
      unknownId: { url: '/api/success-tasks/no-such-task', body: { assigneeId: null }, code: 'success_tasks.not_found' },
    },
  },
};

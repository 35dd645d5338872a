import type { CaseSet } from './write-case.js';

const template = (name: string) => ({
  name,
  kind: 'implementation',
  phases: [
    { name: 'Discovery', tasks: [{ key: 'kickoff', title: 'Kick-off', ownerSide: 'team', ownerRole: 'implementation', durationDays: 1 }] },
  ],
});

/** Engagements, templates and tasks (delivery, issue 5). */
export const engagementCases: CaseSet = {
  fixtures: async ({ admin, f }) => {
    const tpl = await admin.request({ method: 'POST', url: '/api/engagement-templates', payload: template('Fixture template') });
    if (tpl.statusCode !== 201) throw new Error(`template fixture: ${tpl.body}`);
    const engagement = await admin.request({
      method: 'POST',
      url: '/api/engagements',
      payload: {
        accountId: f.accountId,
        kind: 'implementation',
        name: 'Fixture engagement',
        templateId: tpl.json().id,
        startDate: '2026-03-02',
        budgetHours: 10,
      },
    });
    if (engagement.statusCode !== 201) throw new Error(`engagement fixture: ${engagement.body}`);
    // A customer-visible task owned by the portal fixture contact (bill@initech.com).
    const portalTask = await admin.request({
      method: 'POST',
      url: `/api/engagements/${engagement.json().id}/tasks`,
      payload: {
        title: 'Provide SSO metadata',
        startDate: '2026-03-02',
        dueDate: '2026-03-04',
        customerVisible: true,
        owner: { type: 'contact', id: f.contactId },
      },
    });
    if (portalTask.statusCode !== 201) throw new Error(`task fixture: ${portalTask.body}`);
    return {
      templateId: tpl.json().id,
      engagementId: engagement.json().id,
      taskId: engagement.json().tasks[0].id,
      portalTaskId: portalTask.json().id,
    };
  },
  cases: {
    'POST /api/engagement-templates': {
      url: () => '/api/engagement-templates',
      validBody: () => template('Another template'),
      wrongTypes: { body: { ...template('Typed'), phases: 'Discovery' }, path: 'phases' },
    },
    'PUT /api/engagement-templates/:id': {
      url: (f) => `/api/engagement-templates/${f.templateId}`,
      validBody: () => template('Fixture template'),
      wrongTypes: { body: { ...template('Typed'), archived: 'yes' }, path: 'archived' },
      unknownId: { url: '/api/engagement-templates/no-such-template', body: template('Ghost'), code: 'engagement_templates.not_found' },
    },
    'POST /api/engagements': {
      url: () => '/api/engagements',
      validBody: (f) => ({ accountId: f.accountId, kind: 'onboarding', name: 'Onboarding', startDate: '2026-03-02', budgetHours: 5 }),
      wrongTypes: {
        body: { accountId: 'x', kind: 'onboarding', name: 'Typed', startDate: '2026-03-02', budgetHours: 'ten' },
        path: 'budgetHours',
      },
    },
    'PATCH /api/engagements/:id': {
      url: (f) => `/api/engagements/${f.engagementId}`,
      validBody: () => ({ budgetHours: 12 }),
      wrongTypes: { body: { memberIds: 'everyone' }, path: 'memberIds' },
      unknownId: { url: '/api/engagements/no-such-engagement', body: { budgetHours: 12 }, code: 'engagements.not_found' },
    },
    'POST /api/engagements/:id/tasks': {
      url: (f) => `/api/engagements/${f.engagementId}/tasks`,
      validBody: () => ({ title: 'Extra task', startDate: '2026-03-02', dueDate: '2026-03-03' }),
      wrongTypes: { body: { title: 'Typed', startDate: '2026-03-02', dueDate: 20260303 }, path: 'dueDate' },
      unknownId: {
        url: '/api/engagements/no-such-engagement/tasks',
        body: { title: 'Ghost', startDate: '2026-03-02', dueDate: '2026-03-03' },
        code: 'engagements.not_found',
      },
    },
    'PATCH /api/tasks/:id': {
      url: (f) => `/api/tasks/${f.taskId}`,
      validBody: () => ({ title: 'Kick-off call' }),
      wrongTypes: { body: { dependsOn: 'kickoff' }, path: 'dependsOn' },
      unknownId: { url: '/api/tasks/no-such-task', body: { title: 'Ghost' }, code: 'tasks.not_found' },
    },
    'DELETE /api/tasks/:id': {
      url: () => '/api/tasks/no-such-task',
      validBody: null,
      unknownId: { url: '/api/tasks/no-such-task', code: 'tasks.not_found' },
    },
    'POST /api/tasks/:id/comments': {
      url: (f) => `/api/tasks/${f.taskId}/comments`,
      validBody: () => ({ body: 'Agenda sent' }),
      wrongTypes: { body: { body: ['Agenda'] }, path: 'body' },
      unknownId: { url: '/api/tasks/no-such-task/comments', body: { body: 'Hello' }, code: 'tasks.not_found' },
    },
    'POST /api/tasks/:id/time': {
      url: (f) => `/api/tasks/${f.taskId}/time`,
      validBody: () => ({ minutes: 30, category: 'engineering' }),
      wrongTypes: { body: { minutes: 'half an hour', category: 'engineering' }, path: 'minutes' },
      unknownId: { url: '/api/tasks/no-such-task/time', body: { minutes: 30, category: 'engineering' }, code: 'tasks.not_found' },
    },
    'POST /api/portal/tasks/:id/complete': {
      url: (f) => `/api/portal/tasks/${f.portalTaskId}/complete`,
      validBody: null,
      asContact: true,
      unknownId: { url: '/api/portal/tasks/no-such-task/complete', code: 'tasks.not_found' },
    },
  },
};

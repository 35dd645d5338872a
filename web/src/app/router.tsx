import { createBrowserRouter } from 'react-router-dom';
import { SignInPage } from '../modules/identity/SignInPage';
import { csatRoute, portalRoutes } from '../modules/portal/routes';
import { NotFoundPage } from '../ui/NotFoundPage';
import { RequireAuth, RequirePermission } from './RequireAuth';
import { RouteError } from '../ui/RouteError';
import { Shell } from './Shell';

// Screens load on first visit, so signing in does not wait for the charts of the account page.
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  ...portalRoutes,
  csatRoute,
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Shell />,
        errorElement: <RouteError />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../modules/team/home/HomePage')).HomePage }) },
              {
                element: <RequirePermission permission="accounts.read" />,
                children: [
                  { path: 'accounts', lazy: async () => ({ Component: (await import('../modules/accounts/AccountsPage')).AccountsPage }) },
                  {
                    path: 'accounts/:id',
                    lazy: async () => ({ Component: (await import('../modules/accounts/AccountPage')).AccountPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="accounts.read" />,
                children: [
                  {
                    path: 'engagements',
                    lazy: async () => ({ Component: (await import('../modules/delivery/engagements/EngagementsPage')).EngagementsPage }),
                  },
                  {
                    path: 'engagements/:id',
                    lazy: async () => ({ Component: (await import('../modules/delivery/engagements/EngagementPage')).EngagementPage }),
                  },
                  {
                    path: 'my-tasks',
                    lazy: async () => ({ Component: (await import('../modules/delivery/engagements/MyTasksPage')).MyTasksPage }),
                  },
                  {
                    path: 'environments',
                    lazy: async () => ({ Component: (await import('../modules/delivery/environments/EnvironmentsPage')).EnvironmentsPage }),
                  },
                  {
                    path: 'environments/:id',
                    lazy: async () => ({ Component: (await import('../modules/delivery/environments/EnvironmentPage')).EnvironmentPage }),
                  },
                  {
                    path: 'campaigns',
                    lazy: async () => ({ Component: (await import('../modules/delivery/environments/CampaignsPage')).CampaignsPage }),
                  },
                  {
                    path: 'campaigns/:id',
                    lazy: async () => ({ Component: (await import('../modules/delivery/environments/CampaignPage')).CampaignPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="delivery.manage" />,
                children: [
                  {
                    path: 'admin/templates',
                    lazy: async () => ({ Component: (await import('../modules/delivery/engagements/TemplatesPage')).TemplatesPage }),
                  },
                  {
                    path: 'admin/releases',
                    lazy: async () => ({ Component: (await import('../modules/delivery/environments/ReleasesPage')).ReleasesPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="tickets.read" />,
                children: [
                  { path: 'tickets', lazy: async () => ({ Component: (await import('../modules/support/TicketsPage')).TicketsPage }) },
                  { path: 'tickets/:id', lazy: async () => ({ Component: (await import('../modules/support/TicketPage')).TicketPage }) },
                  { path: 'search', lazy: async () => ({ Component: (await import('../modules/search/SearchPage')).SearchPage }) },
                  {
                    path: 'knowledge',
                    lazy: async () => ({ Component: (await import('../modules/support/knowledge/KnowledgePage')).KnowledgePage }),
                  },
                  {
                    path: 'knowledge/:id',
                    lazy: async () => ({ Component: (await import('../modules/support/knowledge/ArticlePage')).ArticlePage }),
                  },
                  {
                    element: <RequirePermission permission="knowledge.write" />,
                    children: [
                      {
                        path: 'knowledge/new',
                        lazy: async () => ({
                          Component: (await import('../modules/support/knowledge/ArticleEditorPage')).ArticleEditorPage,
                        }),
                      },
                      {
                        path: 'knowledge/:id/edit',
                        lazy: async () => ({
                          Component: (await import('../modules/support/knowledge/ArticleEditorPage')).ArticleEditorPage,
                        }),
                      },
                    ],
                  },
                ],
              },
              {
                element: <RequirePermission permission="support.manage" />,
                children: [
                  {
                    path: 'admin/support',
                    lazy: async () => ({
                      Component: (await import('../modules/support/settings/SupportSettingsPage')).SupportSettingsPage,
                    }),
                  },
                  {
                    path: 'admin/ticket-fields',
                    lazy: async () => ({ Component: (await import('../modules/support/fields/TicketFieldsPage')).TicketFieldsPage }),
                  },
                  {
                    path: 'admin/imports',
                    lazy: async () => ({ Component: (await import('../modules/zendesk/ImportRunsPage')).ImportRunsPage }),
                  },
                  {
                    path: 'admin/mail-quarantine',
                    lazy: async () => ({
                      Component: (await import('../modules/support/quarantine/MailQuarantinePage')).MailQuarantinePage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="members.read" />,
                children: [{ path: 'team', lazy: async () => ({ Component: (await import('../modules/team/TeamPage')).TeamPage }) }],
              },
              // Who the team is (issue 17): everyone keeps a timesheet and sees their own profile (the
              // server decides whose else); team leads see the team's time.
              // Spreadsheet import (issue 18): accounts, contacts or tickets; the server checks each kind's permission.
              {
                path: 'import/:kind',
                lazy: async () => ({
                  Component: (await import('../modules/platform/imports/SpreadsheetImportPage')).SpreadsheetImportPage,
                }),
              },
              { path: 'time', lazy: async () => ({ Component: (await import('../modules/team/time/TimesheetPage')).TimesheetPage }) },
              {
                path: 'team/members/:id',
                lazy: async () => ({ Component: (await import('../modules/team/profile/MemberProfilePage')).MemberProfilePage }),
              },
              {
                element: <RequirePermission permission="time.manage" />,
                children: [
                  {
                    path: 'team/time',
                    lazy: async () => ({ Component: (await import('../modules/team/view/TeamTimePage')).TeamTimePage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="settings.manage" />,
                children: [
                  {
                    path: 'admin/role-profile',
                    lazy: async () => ({
                      Component: (await import('../modules/team/profile/RoleProfileRulesPage')).RoleProfileRulesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="members.manage" />,
                children: [
                  {
                    path: 'admin/members',
                    lazy: async () => {
                      const { TeamPage } = await import('../modules/team/TeamPage');
                      return { Component: () => <TeamPage manage /> };
                    },
                  },
                ],
              },
              {
                element: <RequirePermission permission="tokens.manage" />,
                children: [
                  {
                    path: 'admin/tokens',
                    lazy: async () => ({ Component: (await import('../modules/identity/tokens/TokensPage')).TokensPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="audit.read" />,
                children: [
                  {
                    path: 'admin/audit',
                    lazy: async () => ({ Component: (await import('../modules/platform/audit/AuditPage')).AuditPage }),
                  },
                ],
              },
              {
                path: 'account/security',
                lazy: async () => ({ Component: (await import('../modules/identity/security/SecurityPage')).SecurityPage }),
              },
              {
                element: <RequirePermission permission="webhooks.manage" />,
                children: [
                  {
                    path: 'admin/webhooks',
                    lazy: async () => ({ Component: (await import('../modules/platform/webhooks/WebhooksPage')).WebhooksPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="settings.manage" />,
                children: [
                  {
                    path: 'admin/portal',
                    lazy: async () => ({ Component: (await import('../modules/portal/branding/PortalBrandingPage')).PortalBrandingPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="settings.manage" />,
                children: [
                  {
                    path: 'admin/relationship-rules',
                    lazy: async () => ({
                      Component: (await import('../modules/accounts/relationship-rules/RelationshipRulesPage')).RelationshipRulesPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="feedback.read" />,
                children: [
                  {
                    path: 'feedback/inbox',
                    lazy: async () => ({ Component: (await import('../modules/feedback/items/InboxPage')).InboxPage }),
                  },
                  {
                    path: 'feedback/requests',
                    lazy: async () => ({ Component: (await import('../modules/feedback/requests/RequestsPage')).RequestsPage }),
                  },
                  {
                    path: 'feedback/requests/:id',
                    lazy: async () => ({ Component: (await import('../modules/feedback/requests/RequestPage')).RequestPage }),
                  },
                  {
                    path: 'roadmap',
                    lazy: async () => ({ Component: (await import('../modules/feedback/roadmap/RoadmapPage')).RoadmapPage }),
                  },
                  {
                    path: 'meetings',
                    lazy: async () => ({ Component: (await import('../modules/feedback/meetings/MeetingsPage')).MeetingsPage }),
                  },
                  {
                    path: 'engineering-issues',
                    lazy: async () => ({
                      Component: (await import('../modules/feedback/engineering/EngineeringIssuesPage')).EngineeringIssuesPage,
                    }),
                  },
                  {
                    path: 'engineering-issues/:id',
                    lazy: async () => ({
                      Component: (await import('../modules/feedback/engineering/EngineeringIssuePage')).EngineeringIssuePage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="accounts.read" />,
                children: [
                  {
                    path: 'success/portfolio',
                    lazy: async () => ({ Component: (await import('../modules/success/health/PortfolioPage')).PortfolioPage }),
                  },
                  {
                    path: 'success/renewals',
                    lazy: async () => ({ Component: (await import('../modules/success/renewals/RenewalsBoardPage')).RenewalsBoardPage }),
                  },
                  {
                    path: 'business-reviews/:id',
                    lazy: async () => ({ Component: (await import('../modules/success/reviews/BusinessReviewPage')).BusinessReviewPage }),
                  },
                  {
                    path: 'analytics/support',
                    lazy: async () => ({
                      Component: (await import('../modules/success/analytics/SupportAnalyticsPage')).SupportAnalyticsPage,
                    }),
                  },
                  {
                    path: 'analytics/delivery',
                    lazy: async () => ({
                      Component: (await import('../modules/success/analytics/DeliveryAnalyticsPage')).DeliveryAnalyticsPage,
                    }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="success.write" />,
                children: [
                  {
                    path: 'success/tasks',
                    lazy: async () => ({ Component: (await import('../modules/success/playbooks/SuccessTasksPage')).SuccessTasksPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="success.manage" />,
                children: [
                  {
                    path: 'admin/health-models',
                    lazy: async () => ({ Component: (await import('../modules/success/health/HealthModelsPage')).HealthModelsPage }),
                  },
                  {
                    path: 'admin/playbooks',
                    lazy: async () => ({ Component: (await import('../modules/success/playbooks/PlaybookRulesPage')).PlaybookRulesPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="accounts.read" />,
                children: [
                  {
                    path: 'presales/opportunities',
                    lazy: async () => ({
                      Component: (await import('../modules/presales/opportunities/OpportunitiesPage')).OpportunitiesPage,
                    }),
                  },
                  {
                    path: 'presales/opportunities/:id',
                    lazy: async () => ({ Component: (await import('../modules/presales/opportunities/OpportunityPage')).OpportunityPage }),
                  },
                  {
                    path: 'presales/deal-support',
                    lazy: async () => ({ Component: (await import('../modules/presales/opportunities/DealSupportPage')).DealSupportPage }),
                  },
                  {
                    path: 'presales/win-loss',
                    lazy: async () => ({ Component: (await import('../modules/presales/pocs/PocWinLossPage')).PocWinLossPage }),
                  },
                  {
                    path: 'presales/questionnaires',
                    lazy: async () => ({
                      Component: (await import('../modules/presales/questionnaires/QuestionnairesPage')).QuestionnairesPage,
                    }),
                  },
                  {
                    path: 'presales/questionnaires/:id',
                    lazy: async () => ({
                      Component: (await import('../modules/presales/questionnaires/QuestionnaireWorkspacePage')).QuestionnaireWorkspacePage,
                    }),
                  },
                  {
                    path: 'presales/library',
                    lazy: async () => ({ Component: (await import('../modules/presales/library/AnswerLibraryPage')).AnswerLibraryPage }),
                  },
                  {
                    path: 'presales/collateral',
                    lazy: async () => ({ Component: (await import('../modules/presales/collateral/CollateralPage')).CollateralPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="presales.manage" />,
                children: [
                  {
                    path: 'admin/rate-card',
                    lazy: async () => ({ Component: (await import('../modules/presales/solutions/RateCardPage')).RateCardPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="settings.manage" />,
                children: [
                  {
                    path: 'admin/trackers',
                    lazy: async () => ({
                      Component: (await import('../modules/feedback/engineering/TrackerSettingsPage')).TrackerSettingsPage,
                    }),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);

import { createBrowserRouter } from 'react-router-dom';
import { SignInPage } from '../features/auth/SignInPage';
import { csatRoute, portalRoutes } from '../features/portal/routes';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth, RequirePermission } from './RequireAuth';
import { RouteError } from './RouteError';
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
          { index: true, lazy: async () => ({ Component: (await import('../features/home/HomePage')).HomePage }) },
          {
            element: <RequirePermission permission="accounts.read" />,
            children: [
              { path: 'accounts', lazy: async () => ({ Component: (await import('../features/accounts/AccountsPage')).AccountsPage }) },
              { path: 'accounts/:id', lazy: async () => ({ Component: (await import('../features/accounts/AccountPage')).AccountPage }) },
            ],
          },
          {
            element: <RequirePermission permission="accounts.read" />,
            children: [
              { path: 'engagements', lazy: async () => ({ Component: (await import('../features/delivery/engagements/EngagementsPage')).EngagementsPage }) },
              { path: 'engagements/:id', lazy: async () => ({ Component: (await import('../features/delivery/engagements/EngagementPage')).EngagementPage }) },
              { path: 'my-tasks', lazy: async () => ({ Component: (await import('../features/delivery/engagements/MyTasksPage')).MyTasksPage }) },
              { path: 'environments', lazy: async () => ({ Component: (await import('../features/delivery/environments/EnvironmentsPage')).EnvironmentsPage }) },
              { path: 'environments/:id', lazy: async () => ({ Component: (await import('../features/delivery/environments/EnvironmentPage')).EnvironmentPage }) },
              { path: 'campaigns', lazy: async () => ({ Component: (await import('../features/delivery/environments/CampaignsPage')).CampaignsPage }) },
              { path: 'campaigns/:id', lazy: async () => ({ Component: (await import('../features/delivery/environments/CampaignPage')).CampaignPage }) },
            ],
          },
          {
            element: <RequirePermission permission="delivery.manage" />,
            children: [
              { path: 'admin/templates', lazy: async () => ({ Component: (await import('../features/delivery/engagements/TemplatesPage')).TemplatesPage }) },
              { path: 'admin/releases', lazy: async () => ({ Component: (await import('../features/delivery/environments/ReleasesPage')).ReleasesPage }) },
            ],
          },
          {
            element: <RequirePermission permission="tickets.read" />,
            children: [
              { path: 'tickets', lazy: async () => ({ Component: (await import('../features/support/TicketsPage')).TicketsPage }) },
              { path: 'tickets/:id', lazy: async () => ({ Component: (await import('../features/support/TicketPage')).TicketPage }) },
              { path: 'search', lazy: async () => ({ Component: (await import('../features/search/SearchPage')).SearchPage }) },
              { path: 'knowledge', lazy: async () => ({ Component: (await import('../features/knowledge/KnowledgePage')).KnowledgePage }) },
              { path: 'knowledge/:id', lazy: async () => ({ Component: (await import('../features/knowledge/ArticlePage')).ArticlePage }) },
              {
                element: <RequirePermission permission="knowledge.write" />,
                children: [
                  { path: 'knowledge/new', lazy: async () => ({ Component: (await import('../features/knowledge/ArticleEditorPage')).ArticleEditorPage }) },
                  { path: 'knowledge/:id/edit', lazy: async () => ({ Component: (await import('../features/knowledge/ArticleEditorPage')).ArticleEditorPage }) },
                ],
              },
            ],
          },
          {
            element: <RequirePermission permission="support.manage" />,
            children: [
              {
                path: 'admin/support',
                lazy: async () => ({ Component: (await import('../features/support/settings/SupportSettingsPage')).SupportSettingsPage }),
              },
            ],
          },
          {
            element: <RequirePermission permission="members.read" />,
            children: [{ path: 'team', lazy: async () => ({ Component: (await import('../features/team/TeamPage')).TeamPage }) }],
          },
          {
            element: <RequirePermission permission="members.manage" />,
            children: [
              {
                path: 'admin/members',
                lazy: async () => {
                  const { TeamPage } = await import('../features/team/TeamPage');
                  return { Component: () => <TeamPage manage /> };
                },
              },
            ],
          },
          {
            element: <RequirePermission permission="tokens.manage" />,
            children: [{ path: 'admin/tokens', lazy: async () => ({ Component: (await import('../features/settings/TokensPage')).TokensPage }) }],
          },
          {
            element: <RequirePermission permission="audit.read" />,
            children: [{ path: 'admin/audit', lazy: async () => ({ Component: (await import('../features/settings/AuditPage')).AuditPage }) }],
          },
          { path: 'account/security', lazy: async () => ({ Component: (await import('../features/security/SecurityPage')).SecurityPage }) },
          {
            element: <RequirePermission permission="webhooks.manage" />,
            children: [{ path: 'admin/webhooks', lazy: async () => ({ Component: (await import('../features/webhooks/WebhooksPage')).WebhooksPage }) }],
          },
          {
            element: <RequirePermission permission="settings.manage" />,
            children: [{ path: 'admin/portal', lazy: async () => ({ Component: (await import('../features/branding/PortalBrandingPage')).PortalBrandingPage }) }],
          },
          {
            element: <RequirePermission permission="settings.manage" />,
            children: [
              {
                path: 'admin/relationship-rules',
                lazy: async () => ({ Component: (await import('../features/settings/RelationshipRulesPage')).RelationshipRulesPage }),
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

import { createBrowserRouter } from 'react-router-dom';
import { SignInPage } from '../features/auth/SignInPage';
import { HomePage } from '../features/home/HomePage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { AccountPage } from '../features/accounts/AccountPage';
import { TeamPage } from '../features/team/TeamPage';
import { TokensPage } from '../features/settings/TokensPage';
import { AuditPage } from '../features/settings/AuditPage';
import { RelationshipRulesPage } from '../features/settings/RelationshipRulesPage';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth, RequirePermission } from './RequireAuth';
import { Shell } from './Shell';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <HomePage /> },
          {
            element: <RequirePermission permission="accounts.read" />,
            children: [
              { path: 'accounts', element: <AccountsPage /> },
              { path: 'accounts/:id', element: <AccountPage /> },
            ],
          },
          {
            element: <RequirePermission permission="members.read" />,
            children: [{ path: 'team', element: <TeamPage /> }],
          },
          {
            element: <RequirePermission permission="members.manage" />,
            children: [{ path: 'admin/members', element: <TeamPage manage /> }],
          },
          {
            element: <RequirePermission permission="tokens.manage" />,
            children: [{ path: 'admin/tokens', element: <TokensPage /> }],
          },
          {
            element: <RequirePermission permission="audit.read" />,
            children: [{ path: 'admin/audit', element: <AuditPage /> }],
          },
          {
            element: <RequirePermission permission="settings.manage" />,
            children: [{ path: 'admin/relationship-rules', element: <RelationshipRulesPage /> }],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

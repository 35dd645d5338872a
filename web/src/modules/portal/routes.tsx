import type { RouteObject } from 'react-router-dom';
import { RouteError } from '../../ui/RouteError';

/** The customer portal under /portal: its own shell and session, no member navigation. */
export const portalRoutes: RouteObject[] = [
  {
    path: '/portal',
    lazy: async () => ({ Component: (await import('./PortalRoot')).PortalRoot }),
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', lazy: async () => ({ Component: (await import('./PortalSignInPage')).PortalSignInPage }) },
      {
        lazy: async () => ({ Component: (await import('./PortalRoot')).RequirePortalSession }),
        children: [
          {
            lazy: async () => ({ Component: (await import('./PortalShell')).PortalShell }),
            children: [
              { index: true, lazy: async () => ({ Component: (await import('./PortalTicketsPage')).PortalTicketsPage }) },
              { path: 'tickets/new', lazy: async () => ({ Component: (await import('./PortalNewTicketPage')).PortalNewTicketPage }) },
              { path: 'tickets/:id', lazy: async () => ({ Component: (await import('./PortalTicketPage')).PortalTicketPage }) },
              { path: 'projects', lazy: async () => ({ Component: (await import('./PortalProjectsPage')).PortalProjectsPage }) },
              { path: 'training', lazy: async () => ({ Component: (await import('./PortalTrainingPage')).PortalTrainingPage }) },
              { path: 'acceptance', lazy: async () => ({ Component: (await import('./PortalAcceptancePage')).PortalAcceptancePage }) },
              {
                path: 'acceptance/:id',
                lazy: async () => ({ Component: (await import('./PortalAcceptanceRoundPage')).PortalAcceptanceRoundPage }),
              },
              { path: 'success', lazy: async () => ({ Component: (await import('./PortalSuccessPage')).PortalSuccessPage }) },
              { path: 'updates', lazy: async () => ({ Component: (await import('./PortalUpdatesPage')).PortalUpdatesPage }) },
              { path: 'help', lazy: async () => ({ Component: (await import('./PortalHelpPage')).PortalHelpPage }) },
              { path: 'help/:id', lazy: async () => ({ Component: (await import('./PortalArticlePage')).PortalArticlePage }) },
              { path: 'profile', lazy: async () => ({ Component: (await import('./PortalProfilePage')).PortalProfilePage }) },
              { path: '*', lazy: async () => ({ Component: (await import('./PortalTicketPage')).PortalNotFound }) },
            ],
          },
        ],
      },
    ],
  },
];

/** The one-click satisfaction survey e-mailed when a ticket is solved: public, no shell. */
export const csatRoute: RouteObject = {
  path: '/csat/:token',
  errorElement: <RouteError />,
  lazy: async () => ({ Component: (await import('../support/csat/CsatPage')).CsatPage }),
};

import type { ReactNode } from 'react';
import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { IconAdjustments, IconBuilding, IconHistory, IconHome, IconKey, IconUserCog, IconUsers } from '@tabler/icons-react';
import { IconBook, IconLifebuoy, IconMailOff, IconTicket } from '@tabler/icons-react';
import { IconFileImport, IconForms, IconPalette, IconWebhook } from '@tabler/icons-react';
import { IconBulb, IconInbox } from '@tabler/icons-react';
import { IconMap, IconUsersGroup } from '@tabler/icons-react';
import { IconBug, IconGitPullRequest } from '@tabler/icons-react';
import { IconBolt, IconHeartbeat, IconHeartRateMonitor, IconListCheck } from '@tabler/icons-react';
import { IconCalendarDollar, IconChartBar, IconChartLine } from '@tabler/icons-react';
import { IconChecklist, IconRocket, IconServer2, IconStack2, IconTemplate, IconTimeline } from '@tabler/icons-react';
import { IconBriefcase, IconCoin, IconFileSpreadsheet, IconFiles, IconHeadset, IconLibrary, IconTrophy } from '@tabler/icons-react';
import { IconChartBarPopular, IconClock, IconUserCheck } from '@tabler/icons-react';
import { useAuth, type Permission } from '../lib/auth';

interface Item {
  to: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
}

const GROUPS: { label: string | null; items: Item[] }[] = [
  { label: null, items: [{ to: '/', label: 'Home', icon: <IconHome size={18} /> }] },
  { label: 'Customers', items: [{ to: '/accounts', label: 'Accounts', icon: <IconBuilding size={18} />, permission: 'accounts.read' }] },
  {
    label: 'Support',
    items: [
      { to: '/tickets', label: 'Tickets', icon: <IconTicket size={18} />, permission: 'tickets.read' },
      { to: '/knowledge', label: 'Knowledge base', icon: <IconBook size={18} />, permission: 'tickets.read' },
    ],
  },
  {
    label: 'Delivery',
    items: [
      { to: '/engagements', label: 'Engagements', icon: <IconTimeline size={18} />, permission: 'accounts.read' },
      { to: '/my-tasks', label: 'My tasks', icon: <IconChecklist size={18} />, permission: 'delivery.write' },
      { to: '/environments', label: 'Environments', icon: <IconServer2 size={18} />, permission: 'accounts.read' },
      { to: '/campaigns', label: 'Upgrade campaigns', icon: <IconRocket size={18} />, permission: 'accounts.read' },
    ],
  },
  {
    label: 'Feedback',
    items: [
      { to: '/feedback/inbox', label: 'Insights inbox', icon: <IconInbox size={18} />, permission: 'feedback.read' },
      { to: '/feedback/requests', label: 'Feature requests', icon: <IconBulb size={18} />, permission: 'feedback.read' },
      { to: '/engineering-issues', label: 'Engineering issues', icon: <IconBug size={18} />, permission: 'feedback.read' },
      { to: '/roadmap', label: 'Roadmap', icon: <IconMap size={18} />, permission: 'feedback.read' },
      { to: '/meetings', label: 'Internal meetings', icon: <IconUsersGroup size={18} />, permission: 'feedback.read' },
    ],
  },
  {
    label: 'Success',
    items: [
      { to: '/success/portfolio', label: 'Health portfolio', icon: <IconHeartbeat size={18} />, permission: 'accounts.read' },
      { to: '/success/tasks', label: 'Success tasks', icon: <IconListCheck size={18} />, permission: 'success.write' },
      { to: '/success/renewals', label: 'Renewals', icon: <IconCalendarDollar size={18} />, permission: 'accounts.read' },
    ],
  },
  {
    label: 'Pre-sales',
    items: [
      { to: '/presales/opportunities', label: 'Opportunities', icon: <IconBriefcase size={18} />, permission: 'accounts.read' },
      { to: '/presales/deal-support', label: 'Deal support', icon: <IconHeadset size={18} />, permission: 'accounts.read' },
      { to: '/presales/questionnaires', label: 'Questionnaires', icon: <IconFileSpreadsheet size={18} />, permission: 'accounts.read' },
      { to: '/presales/library', label: 'Answer library', icon: <IconLibrary size={18} />, permission: 'accounts.read' },
      { to: '/presales/collateral', label: 'Collateral', icon: <IconFiles size={18} />, permission: 'accounts.read' },
      { to: '/presales/win-loss', label: 'Win / loss', icon: <IconTrophy size={18} />, permission: 'accounts.read' },
    ],
  },
  {
    label: 'Analytics',
    items: [
      { to: '/analytics/support', label: 'Support analytics', icon: <IconChartBar size={18} />, permission: 'accounts.read' },
      { to: '/analytics/delivery', label: 'Delivery analytics', icon: <IconChartLine size={18} />, permission: 'accounts.read' },
    ],
  },
  {
    label: 'Team',
    items: [
      { to: '/time', label: 'Timesheet', icon: <IconClock size={18} /> },
      { to: '/team', label: 'Team directory', icon: <IconUsers size={18} />, permission: 'members.read' },
      { to: '/team/time', label: 'Team time', icon: <IconChartBarPopular size={18} />, permission: 'time.manage' },
    ],
  },
  {
    label: 'Admin',
    items: [
      { to: '/admin/members', label: 'Members', icon: <IconUserCog size={18} />, permission: 'members.manage' },
      { to: '/admin/tokens', label: 'API tokens', icon: <IconKey size={18} />, permission: 'tokens.manage' },
      { to: '/admin/audit', label: 'Audit log', icon: <IconHistory size={18} />, permission: 'audit.read' },
      { to: '/admin/relationship-rules', label: 'Relationship rules', icon: <IconAdjustments size={18} />, permission: 'settings.manage' },
      { to: '/admin/role-profile', label: 'Role profile rules', icon: <IconUserCheck size={18} />, permission: 'settings.manage' },
      { to: '/admin/templates', label: 'Engagement templates', icon: <IconTemplate size={18} />, permission: 'delivery.manage' },
      { to: '/admin/releases', label: 'Releases', icon: <IconStack2 size={18} />, permission: 'delivery.manage' },
      { to: '/admin/support', label: 'Support settings', icon: <IconLifebuoy size={18} />, permission: 'support.manage' },
      { to: '/admin/ticket-fields', label: 'Ticket fields', icon: <IconForms size={18} />, permission: 'support.manage' },
      { to: '/admin/imports', label: 'Imports', icon: <IconFileImport size={18} />, permission: 'support.manage' },
      { to: '/admin/mail-quarantine', label: 'Mail quarantine', icon: <IconMailOff size={18} />, permission: 'support.manage' },
      { to: '/admin/webhooks', label: 'Webhooks', icon: <IconWebhook size={18} />, permission: 'webhooks.manage' },
      { to: '/admin/portal', label: 'Customer portal', icon: <IconPalette size={18} />, permission: 'settings.manage' },
      { to: '/admin/health-models', label: 'Health models', icon: <IconHeartRateMonitor size={18} />, permission: 'success.manage' },
      { to: '/admin/playbooks', label: 'Playbooks', icon: <IconBolt size={18} />, permission: 'success.manage' },
      { to: '/admin/rate-card', label: 'Rate card', icon: <IconCoin size={18} />, permission: 'presales.manage' },
      { to: '/admin/trackers', label: 'Issue trackers', icon: <IconGitPullRequest size={18} />, permission: 'settings.manage' },
    ],
  },
];

export function Navbar({ onNavigate }: { onNavigate: () => void }) {
  const { can } = useAuth();
  const { pathname } = useLocation();
  const matches = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
  // The longest match wins, so /team/time lights "Team time", not "Team directory" too.
  const activeTo = GROUPS.flatMap((g) => g.items.map((i) => i.to))
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const isActive = (to: string) => to === activeTo;

  return (
    <nav aria-label="Main">
      <Stack gap="md">
        {GROUPS.map((group) => {
          const items = group.items.filter((item) => !item.permission || can(item.permission));
          if (items.length === 0) return null;
          return (
            <Stack gap={2} key={group.label ?? 'main'}>
              {group.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {group.label}
                </Text>
              )}
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={item.icon}
                  active={isActive(item.to)}
                  onClick={onNavigate}
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ))}
            </Stack>
          );
        })}
      </Stack>
    </nav>
  );
}

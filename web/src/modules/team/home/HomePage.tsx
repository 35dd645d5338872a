import { Stack, Text, Title } from '@mantine/core';
import { useAuth, useSession } from '../../../lib/auth';
import { MyAccountsSection } from './MyAccountsSection';
import { PortfolioSection } from './PortfolioSection';
import { RoleSections } from './RoleSections';
import { TeamOverviewSection } from './TeamOverviewSection';

// Roles whose members carry no accounts of their own.
const WITHOUT_ACCOUNTS = new Set(['admin', 'stakeholder']);
// Internal staff sit on no account team and their work is not the customer book: their role
// sections are their home, without an empty "my accounts" or the portfolio below.
const INTERNAL = new Set(['software_engineer', 'engineering_manager', 'product_manager', 'it_helpdesk']);

function greeting(): string {
  const hour = new Date().getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

/**
 * The home screen opens on the member's key responsibilities, a section per role they hold (see
 * sections-by-role.ts); below, their own accounts, the team, or the portfolio.
 */
export function HomePage() {
  const { member } = useSession();
  const { can, hasRole, roleLabel } = useAuth();
  const carriesAccounts = member.roles.some((r) => !WITHOUT_ACCOUNTS.has(r) && !INTERNAL.has(r));
  const onlyInternal = member.roles.every((r) => INTERNAL.has(r));
  const firstName = member.name.split(' ')[0];

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={2}>
          {greeting()}, {firstName}
        </Title>
        <Text c="dimmed" size="sm">
          {member.roles.map(roleLabel).join(' · ')}
        </Text>
      </Stack>
      <RoleSections memberId={member.id} roles={member.roles} />
      {carriesAccounts && can('accounts.read') && <MyAccountsSection memberId={member.id} />}
      {hasRole('admin') && can('members.read') && <TeamOverviewSection />}
      {!carriesAccounts && !onlyInternal && can('accounts.read') && <PortfolioSection readOnly={!can('accounts.write')} />}
    </Stack>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useAuth, useSession } from '../../../lib/auth';
import { MyAccountsSection } from './MyAccountsSection';
import { PortfolioSection } from './PortfolioSection';
import { TeamOverviewSection } from './TeamOverviewSection';

// Roles whose members carry no accounts of their own.
const WITHOUT_ACCOUNTS = new Set(['admin', 'stakeholder']);

function greeting(): string {
  const hour = new Date().getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

/** The home screen follows the member's roles: their own accounts, the team, or the portfolio. */
export function HomePage() {
  const { member } = useSession();
  const { can, hasRole, roleLabel } = useAuth();
  const carriesAccounts = member.roles.some((r) => !WITHOUT_ACCOUNTS.has(r));
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
      {carriesAccounts && can('accounts.read') && <MyAccountsSection memberId={member.id} />}
      {hasRole('admin') && can('members.read') && <TeamOverviewSection />}
      {!carriesAccounts && can('accounts.read') && <PortfolioSection readOnly={!can('accounts.write')} />}
    </Stack>
  );
}

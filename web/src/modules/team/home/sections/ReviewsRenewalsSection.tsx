import { Badge } from '@mantine/core';
import { IconCalendarDollar } from '@tabler/icons-react';
import type { AccountSummary } from '../../../accounts/api';
import { useAccounts } from '../../../accounts/api';
import { useAccountReviews } from '../../../success/reviews/api';
import { daysUntil, formatDate, formatMoneyCompact, fromNow } from '../../../../ui/format';
import { HOME_ROWS, HomeRow, HomeSection } from '../HomeSection';

/** Renewals within two quarters; a business review is due when none was sent in the last quarter. */
const RENEWAL_HORIZON_DAYS = 180;
const REVIEW_EVERY_DAYS = 90;

/** The renewals of this member's accounts, soonest first, each with where its business review stands. */
export function ReviewsRenewalsSection({ memberId }: { memberId: string }) {
  const accounts = useAccounts({ memberId, sort: 'renewal_date', order: 'asc', limit: 200 });
  const due = (accounts.data?.items ?? []).filter((a) => {
    if (!a.renewalDate || a.lifecycleStage === 'churned') return false;
    const days = daysUntil(a.renewalDate);
    return days >= 0 && days <= RENEWAL_HORIZON_DAYS;
  });
  return (
    <HomeSection
      title="Business reviews and renewals due"
      count={due.length}
      seeAll={`/success/renewals?ownerId=${memberId}`}
      loading={accounts.isPending}
      error={accounts.error}
      onRetry={() => void accounts.refetch()}
      empty={
        due.length === 0
          ? {
              icon: <IconCalendarDollar size={18} />,
              title: 'No renewals in the next two quarters',
              description: 'Renewals of your accounts show here six months ahead, with the business review to hold before each.',
            }
          : null
      }
    >
      {due.slice(0, HOME_ROWS).map((a) => (
        <RenewalRow key={a.id} account={a} />
      ))}
    </HomeSection>
  );
}

function RenewalRow({ account }: { account: AccountSummary }) {
  const reviews = useAccountReviews(account.id);
  const days = daysUntil(account.renewalDate!);
  const sent = (reviews.data ?? []).filter((r) => r.sentAt).sort((a, b) => b.sentAt!.localeCompare(a.sentAt!))[0];
  const draft = (reviews.data ?? []).find((r) => !r.sentAt);
  const reviewDue = !sent || -daysUntil(sent.sentAt!) > REVIEW_EVERY_DAYS;
  const review = reviews.isPending
    ? ''
    : draft
      ? ` · review drafted: ${draft.title}`
      : sent && !reviewDue
        ? ` · review sent ${fromNow(sent.sentAt)}`
        : ' · business review due';
  return (
    <HomeRow
      to={`/accounts/${account.id}`}
      name={account.name}
      detail={`Renews ${formatDate(account.renewalDate)} · ${formatMoneyCompact(account.arr)}${review}`}
      badge={
        <Badge size="sm" variant="light" color={days <= 30 ? 'red' : days <= 90 ? 'orange' : 'gray'}>
          {days === 0 ? 'today' : `${days} d`}
        </Badge>
      }
    />
  );
}

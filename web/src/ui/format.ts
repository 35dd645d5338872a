import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const compactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

export const formatMoney = (amount: number) => money.format(amount);
export const formatMoneyCompact = (amount: number) => compactMoney.format(amount);

export const formatDate = (value: string | null | undefined) => (value ? dayjs(value).format('D MMM YYYY') : '—');
export const formatDateTime = (value: string | null | undefined) => (value ? dayjs(value).format('D MMM YYYY, HH:mm') : '—');
export const fromNow = (value: string | null | undefined) => (value ? dayjs(value).fromNow() : '—');

/** Whole days from today to a YYYY-MM-DD date (negative when it has passed). */
export const daysUntil = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');

export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** `mid_market` → `Mid market`, for enum values without a dedicated label. */
export const humanize = (value: string) => {
  const text = value.replace(/[_.]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

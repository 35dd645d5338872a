import { Anchor, Badge, Text, type BadgeProps, type TextProps } from '@mantine/core';
import { Link } from 'react-router-dom';
import { GRADE_COLORS, GRADE_LABELS, type HealthGrade } from '../labels';

/** The grade in words and colour, so it reads without colour vision too; "No score" when there is none. */
export function GradeBadge({ grade, ...props }: { grade: HealthGrade | null } & Omit<BadgeProps, 'color' | 'children'>) {
  if (!grade)
    return (
      <Badge color="gray" variant="light" {...props}>
        No score
      </Badge>
    );
  return (
    <Badge color={GRADE_COLORS[grade]} variant="filled" autoContrast {...props}>
      {GRADE_LABELS[grade]}
    </Badge>
  );
}

const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

/** Scores are whole-ish numbers; one decimal at most, and no "-0". */
export const formatScore = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
};

/** The change against 30 days ago: "▲ 5 points", "▼ 12 points", "No change", or a dash with no history. */
export function ScoreChange({ change, suffix, ...props }: { change: number | null; suffix?: string } & TextProps) {
  if (change === null)
    return (
      <Text size="sm" c="dimmed" {...props}>
        —
      </Text>
    );
  const rounded = Math.round(change);
  const text = rounded > 0 ? `▲ ${points(rounded)}` : rounded < 0 ? `▼ ${points(-rounded)}` : 'No change';
  return (
    <Text size="sm" fw={rounded === 0 ? undefined : 600} c={rounded > 0 ? 'teal.8' : rounded < 0 ? 'red.8' : 'dimmed'} {...props}>
      {text}
      {suffix ? ` ${suffix}` : ''}
    </Text>
  );
}

/** A link to the evidence behind a figure: inside the app through the router, elsewhere in a new tab. */
export function EvidenceLink({ href, label }: { href: string; label: string }) {
  // A router navigation does not scroll to a `#section` as a page load would: a card on the same
  // page (the account's adoption, say) is scrolled to once the link has been followed.
  const section = href.includes('#') ? href.slice(href.indexOf('#') + 1) : null;
  const scrollToSection = () =>
    section && requestAnimationFrame(() => document.getElementById(section)?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  if (href.startsWith('/'))
    return (
      <Anchor component={Link} to={href} size="sm" onClick={scrollToSection}>
        {label}
      </Anchor>
    );
  return (
    <Anchor href={href} target="_blank" rel="noreferrer" size="sm">
      {label}
    </Anchor>
  );
}

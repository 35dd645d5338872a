import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import { behindColor, STATE_COLORS, STATE_LABELS, UPGRADE_STATES, type Progress as CampaignProgress, type UpgradeState } from './api';

/** "n behind" coloured 0 green, 1–2 yellow, 3+ red; the tooltip says against what. */
export function BehindBadge({ behind, latest }: { behind: number; latest: string | null }) {
  const label = behind === 0 ? 'Current' : `${behind} behind`;
  return (
    <Tooltip label={latest ? `Latest release: ${latest}` : 'No releases in the catalogue'}>
      <Badge color={behindColor(behind)} variant="light" data-testid="versions-behind" data-behind={behind}>
        {label}
      </Badge>
    </Tooltip>
  );
}

export function StateBadge({ state }: { state: UpgradeState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light">
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** A stacked bar of the campaign's states with the share done. */
export function CampaignProgressBar({ progress, size = 'lg' }: { progress: CampaignProgress; size?: 'sm' | 'lg' }) {
  return (
    <div>
      <Progress.Root size={size === 'lg' ? 18 : 10} aria-label={`${progress.percentDone}% done`}>
        {progress.total > 0 &&
          UPGRADE_STATES.filter((s) => progress.byState[s] > 0).map((s) => (
            <Tooltip key={s} label={`${STATE_LABELS[s]}: ${progress.byState[s]}`}>
              <Progress.Section value={(progress.byState[s] * 100) / progress.total} color={STATE_COLORS[s]}>
                {size === 'lg' && <Progress.Label>{progress.byState[s]}</Progress.Label>}
              </Progress.Section>
            </Tooltip>
          ))}
      </Progress.Root>
      <Group gap="xs" mt={4}>
        <Text size="xs" fw={600} data-testid="percent-done">
          {progress.percentDone}% done
        </Text>
        <Text size="xs" c="dimmed">
          {progress.byState.done} of {progress.total} environments
          {progress.byState.failed > 0 ? ` · ${progress.byState.failed} failed` : ''}
        </Text>
      </Group>
    </div>
  );
}

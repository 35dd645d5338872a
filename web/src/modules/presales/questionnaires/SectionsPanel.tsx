import { ActionIcon, Card, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import type { SectionProgress } from './api';
import { StatusProgress } from './StatusProgress';

/** The questionnaire's sections with their progress and assignees; choosing one filters the questions. */
export function SectionsPanel({
  sections,
  active,
  onChoose,
  onAssign,
  canWrite,
}: {
  sections: SectionProgress[];
  active: string | undefined;
  onChoose: (key: string | undefined) => void;
  onAssign: (s: SectionProgress) => void;
  canWrite: boolean;
}) {
  return (
    <Card p={0} withBorder>
      <Stack gap={0} component="nav" aria-label="Sections">
        <UnstyledButton
          px="sm"
          py={8}
          onClick={() => onChoose(undefined)}
          bg={active === undefined ? 'var(--mantine-color-blue-light)' : undefined}
          aria-current={active === undefined ? 'true' : undefined}
        >
          <Text size="sm" fw={600}>
            All sections
          </Text>
        </UnstyledButton>
        {sections.map((s) => (
          <Group
            key={s.key}
            gap={4}
            px="sm"
            py={6}
            wrap="nowrap"
            bg={active === s.key ? 'var(--mantine-color-blue-light)' : undefined}
            style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <UnstyledButton
              style={{ flex: 1, minWidth: 0 }}
              onClick={() => onChoose(s.key)}
              aria-current={active === s.key ? 'true' : undefined}
            >
              <Stack gap={2}>
                <Text size="sm" fw={500} lineClamp={2}>
                  {s.section}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {s.sheet} · {s.progress.approved}/{s.total} approved
                  {s.assignees.length ? ` · ${s.assignees.map((a) => a.name).join(', ')}` : ''}
                  {s.dueOn ? ` · due ${s.dueOn}` : ''}
                </Text>
                <StatusProgress counts={s.progress} label={false} size="sm" />
              </Stack>
            </UnstyledButton>
            {canWrite && (
              <Tooltip label="Assign this section">
                <ActionIcon variant="subtle" size="sm" aria-label={`Assign section ${s.section}`} onClick={() => onAssign(s)}>
                  <IconUserPlus size={14} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

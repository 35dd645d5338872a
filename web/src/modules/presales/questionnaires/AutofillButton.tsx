import { Button, NumberInput, Popover, Stack, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useAutofill, type Questionnaire } from './api';

/** Suggests library answers for the questions without a draft, above a score the user may change. */
export function AutofillButton({ questionnaire }: { questionnaire: Questionnaire }) {
  const autofill = useAutofill(questionnaire.id);
  const [threshold, setThreshold] = useState<number | string>(questionnaire.autofill?.threshold ?? '');
  const [opened, setOpened] = useState(false);
  const run = () =>
    autofill.mutate(typeof threshold === 'number' ? threshold : undefined, {
      onSuccess: (r) => {
        setOpened(false);
        notifySuccess(
          `${r.suggested} suggestion${r.suggested === 1 ? '' : 's'} from the library${r.stale ? ` (${r.stale} from entries due for review)` : ''}; ${r.noMatch} without a match. Nothing is approved until someone approves it.`,
        );
      },
      onError: (e) => notifyError(e),
    });
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" width={280}>
      <Popover.Target>
        <Button leftSection={<IconSparkles size={16} />} variant="light" onClick={() => setOpened((o) => !o)} loading={autofill.isPending}>
          Auto-fill
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            Suggest answers from the answer library for every question without a draft. Drafted, reviewed and approved answers are left
            alone.
          </Text>
          <NumberInput
            label="Lowest score"
            description="0–100; empty uses the library’s default"
            min={0}
            max={100}
            value={threshold}
            onChange={setThreshold}
          />
          <Button onClick={run} loading={autofill.isPending}>
            Suggest answers
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAuth } from '../../../lib/auth';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { TECHNICAL_WIN_LABELS, TECHNICAL_WIN_STATUSES, options, useSaveOpportunity, type Opportunity } from './api';
import { TechnicalWinBadge } from './OpportunityBadges';

/**
 * The technical win: whether the customer's technical team agrees the product meets their needs.
 * Editable in place by whoever works the deal; `lost` asks for the reason before it saves.
 */
export function TechnicalWinCard({ opportunity }: { opportunity: Opportunity }) {
  const { can } = useAuth();
  return (
    <Card withBorder component="section" aria-label="Technical win">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Technical win
        </Title>
        <TechnicalWinBadge status={opportunity.technicalWin} bare />
      </Group>
      {can('presales.write') ? (
        // Re-mounted when the deal changes elsewhere (the edit modal), so the form starts from it.
        <TechnicalWinForm key={`${opportunity.technicalWin}|${opportunity.technicalWinReason ?? ''}`} opportunity={opportunity} />
      ) : (
        <Text size="sm" c={opportunity.technicalWinReason ? undefined : 'dimmed'}>
          {opportunity.technicalWinReason ?? 'No reason noted.'}
        </Text>
      )}
    </Card>
  );
}

function TechnicalWinForm({ opportunity }: { opportunity: Opportunity }) {
  const save = useSaveOpportunity();
  const form = useForm({
    initialValues: { technicalWin: opportunity.technicalWin, technicalWinReason: opportunity.technicalWinReason ?? '' },
    validate: {
      technicalWinReason: (v, values) => (values.technicalWin === 'lost' && !v.trim() ? 'Say why the technical win was lost' : null),
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: opportunity.id, technicalWin: v.technicalWin, technicalWinReason: v.technicalWinReason.trim() || null },
      {
        onSuccess: () => notifySuccess('Technical win saved'),
        onError: (error) => showServerErrors(form, error, ['technicalWin', 'technicalWinReason']),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Select
          label="Status"
          data={options(TECHNICAL_WIN_STATUSES, TECHNICAL_WIN_LABELS)}
          allowDeselect={false}
          {...form.getInputProps('technicalWin')}
        />
        <Textarea
          label="Reason"
          placeholder={
            form.values.technicalWin === 'lost' ? 'Required: what the product could not do for them' : 'How it was won, or what decides it'
          }
          withAsterisk={form.values.technicalWin === 'lost'}
          autosize
          minRows={2}
          {...form.getInputProps('technicalWinReason')}
        />
        <Group justify="flex-end">
          <Button size="xs" type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save technical win
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

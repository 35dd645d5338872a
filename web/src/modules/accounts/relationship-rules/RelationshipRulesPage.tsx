import { Alert, Button, Card, Group, MultiSelect, NumberInput, SimpleGrid, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useRelationshipRules, useSaveRelationshipRules, type RelationshipRules } from './api';
import { INTERACTION_KINDS, KIND_LABELS, options } from '../labels';

const FIELDS = [
  'windowDays',
  'minInteractions',
  'minActiveMonths',
  'deepKinds',
  'minDeepInteractions',
  'engagementCountsAsEngaged',
] as const;

export function RelationshipRulesPage() {
  const rules = useRelationshipRules();
  return (
    <>
      <PageHeader
        title="Relationship rules"
        description="Decide when a customer relationship counts as engaged rather than transactional. Every account is re-assessed on save."
      />
      {rules.isPending && <Skeleton height={420} />}
      {rules.isError && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.isSuccess && <RulesForm rules={rules.data} />}
    </>
  );
}

function RulesForm({ rules }: { rules: RelationshipRules }) {
  const save = useSaveRelationshipRules();
  const form = useForm<RelationshipRules>({
    initialValues: rules,
    validate: { deepKinds: (v) => (v.length ? null : 'Pick at least one kind of interaction') },
  });
  const v = form.values;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(values, {
          onSuccess: (saved) => {
            form.setInitialValues(saved);
            form.reset();
            notifySuccess('Relationship rules saved; every account was re-assessed.');
          },
          onError: (error) => showServerErrors(form, error, FIELDS),
        }),
      )}
    >
      <Stack gap="lg" maw={820}>
        <Card>
          <Title order={4} mb="md">
            Interactions
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Window (days)"
              description="How far back interactions count"
              min={7}
              max={730}
              allowDecimal={false}
              {...form.getInputProps('windowDays')}
            />
            <NumberInput
              label="Minimum interactions"
              description="Inside the window"
              min={1}
              max={500}
              allowDecimal={false}
              {...form.getInputProps('minInteractions')}
            />
            <NumberInput
              label="Minimum active months"
              description="Distinct calendar months with at least one interaction"
              min={1}
              max={24}
              allowDecimal={false}
              {...form.getInputProps('minActiveMonths')}
            />
            <NumberInput
              label="Minimum deep interactions"
              description="Interactions of a deep kind inside the window"
              min={0}
              max={500}
              allowDecimal={false}
              {...form.getInputProps('minDeepInteractions')}
            />
          </SimpleGrid>
          <MultiSelect
            mt="md"
            label="Deep kinds"
            description="Kinds that count as deep, hands-on contact"
            data={options(INTERACTION_KINDS, KIND_LABELS)}
            {...form.getInputProps('deepKinds')}
          />
        </Card>
        <Card>
          <Title order={4} mb="md">
            Engagements
          </Title>
          <Switch
            label="An active engagement plus any interaction makes the relationship engaged"
            description="Implementations, proofs of concept and other engagements count as deep work on their own."
            {...form.getInputProps('engagementCountsAsEngaged', { type: 'checkbox' })}
          />
        </Card>
        <Alert variant="light" color="indigo" title="In words">
          <Text size="sm">
            Engaged when, in the last {v.windowDays} days, there were at least {v.minInteractions} interactions across {v.minActiveMonths}{' '}
            or more calendar months, {v.minDeepInteractions} or more of them deep (
            {v.deepKinds.map((k) => KIND_LABELS[k]).join(', ') || 'no kinds picked'})
            {v.engagementCountsAsEngaged ? '; or when an engagement is active and there was any interaction.' : '.'}
          </Text>
        </Alert>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save rules
          </Button>
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            Discard changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

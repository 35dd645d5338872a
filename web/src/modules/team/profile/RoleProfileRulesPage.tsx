import { Alert, Anchor, Button, Card, Group, NumberInput, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { useRoleProfileRules, useSaveRoleProfileRules, type RoleProfileRules } from './api';

const FIELDS = ['handsOnThreshold', 'minWeeks', 'minSpanDays', 'defaultPeriodDays'] as const;

/** The form shows the hands-on threshold as a percentage; the API stores a fraction. */
type FormValues = Omit<RoleProfileRules, 'handsOnThreshold'> & { handsOnThreshold: number };

/** The role-profile thresholds (issue 17): data an admin edits; every profile is judged by them. */
export function RoleProfileRulesPage() {
  const rules = useRoleProfileRules();
  return (
    <>
      <PageHeader
        title="Role profile rules"
        description="When a member counts as a customer-facing engineer: hands-on work and a deep customer relationship, both required."
        actions={
          <Anchor component={Link} to="/admin/audit?recordType=setting&recordId=team.role_profile_rules" size="sm">
            Changes in the audit log
          </Anchor>
        }
      />
      {rules.isPending && <Skeleton height={360} />}
      {rules.isError && <QueryError error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.isSuccess && <RulesForm rules={rules.data} />}
    </>
  );
}

const toForm = (r: RoleProfileRules): FormValues => ({ ...r, handsOnThreshold: Math.round(r.handsOnThreshold * 1000) / 10 });

function RulesForm({ rules }: { rules: RoleProfileRules }) {
  const save = useSaveRoleProfileRules();
  const form = useForm<FormValues>({ initialValues: toForm(rules) });
  const v = form.values;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { ...values, handsOnThreshold: Math.round(values.handsOnThreshold * 10) / 1000 },
          {
            onSuccess: (saved) => {
              form.setInitialValues(toForm(saved));
              form.reset();
              notifySuccess('Role profile rules saved; profiles are judged by them from now on.');
            },
            onError: (error) => showServerErrors(form, error, FIELDS),
          },
        ),
      )}
    >
      <Stack gap="lg" maw={820}>
        <Card>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Hands-on threshold (%)"
              description="Engineering time ÷ all logged time, for condition 1"
              min={1}
              max={100}
              decimalScale={1}
              suffix=" %"
              {...form.getInputProps('handsOnThreshold')}
            />
            <NumberInput
              label="Minimum weeks with contact"
              description="Distinct weeks with an interaction attended or customer-linked time"
              min={1}
              max={52}
              allowDecimal={false}
              {...form.getInputProps('minWeeks')}
            />
            <NumberInput
              label="Minimum span (days)"
              description="Between the first and the last contact"
              min={1}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('minSpanDays')}
            />
            <NumberInput
              label="Default period (days)"
              description="What a profile covers when no period is picked"
              min={7}
              max={366}
              allowDecimal={false}
              {...form.getInputProps('defaultPeriodDays')}
            />
          </SimpleGrid>
        </Card>
        <Alert variant="light" color="indigo" title="In words">
          <Text size="sm">
            Over the last {v.defaultPeriodDays} days (unless another period is picked), a member is a customer-facing engineer when at least{' '}
            {v.handsOnThreshold} % of their logged time is engineering and they had contact with an engaged customer account on at least{' '}
            {v.minWeeks} distinct weeks spread over {v.minSpanDays} days or more. Internal accounts (the company’s own staff) and
            transactional relationships never count.
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

import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { AccountSelect } from '../../delivery/engagements/AccountSelect';
import { useMemberOptions } from '../../team/api';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import {
  OPPORTUNITY_STAGES,
  STAGE_LABELS,
  TECHNICAL_WIN_LABELS,
  TECHNICAL_WIN_STATUSES,
  options,
  useSaveOpportunity,
  type Opportunity,
} from './api';

const FIELDS = [
  'accountId',
  'name',
  'stage',
  'arr',
  'closeDate',
  'salesOwnerId',
  'salesEngineerId',
  'solutionsArchitectId',
  'technicalWin',
  'technicalWinReason',
  'products',
  'description',
] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The deal to edit; absent for a new one. */
  opportunity?: Opportunity;
  /** Pre-fills (and fixes) the account of a new deal, from the account page. */
  account?: { id: string; name: string };
  onSaved?: (opportunity: Opportunity) => void;
}

export function OpportunityFormModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.opportunity ? 'Edit opportunity' : 'New opportunity'}
      size="lg"
      centered
    >
      {props.opened && <OpportunityForm {...props} />}
    </Modal>
  );
}

function OpportunityForm({ opportunity, account, onClose, onSaved }: Props) {
  const save = useSaveOpportunity();
  const members = useMemberOptions();
  const o = opportunity;
  const form = useForm({
    initialValues: {
      accountId: o?.account.id ?? account?.id ?? (null as string | null),
      name: o?.name ?? '',
      stage: o?.stage ?? ('discovery' as Opportunity['stage']),
      arr: (o?.arr ?? '') as number | string,
      closeDate: o?.closeDate ?? '',
      salesOwnerId: o?.salesOwner?.id ?? null,
      salesEngineerId: o?.salesEngineer?.id ?? null,
      solutionsArchitectId: o?.solutionsArchitect?.id ?? null,
      technicalWin: o?.technicalWin ?? ('not_started' as Opportunity['technicalWin']),
      technicalWinReason: o?.technicalWinReason ?? '',
      products: o?.products ?? [],
      description: o?.description ?? '',
    },
    validate: {
      accountId: (v) => (v ? null : 'Choose the account'),
      name: (v) => (v.trim() ? null : 'Give the opportunity a name'),
      arr: (v) => (v === '' || (typeof v === 'number' && v >= 0) ? null : 'ARR is a positive amount'),
      technicalWinReason: (v, values) => (values.technicalWin === 'lost' && !v.trim() ? 'Say why the technical win was lost' : null),
    },
  });

  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name.trim(),
      stage: v.stage,
      arr: v.arr === '' ? 0 : Number(v.arr),
      closeDate: v.closeDate || null,
      salesOwnerId: v.salesOwnerId || null,
      salesEngineerId: v.salesEngineerId || null,
      solutionsArchitectId: v.solutionsArchitectId || null,
      technicalWin: v.technicalWin,
      technicalWinReason: v.technicalWinReason.trim() || null,
      products: v.products.map((p) => p.trim()).filter(Boolean),
      description: v.description.trim() || null,
    };
    save.mutate(o ? { id: o.id, ...body } : { accountId: v.accountId!, ...body }, {
      onSuccess: (saved) => {
        notifySuccess(o ? 'Opportunity saved' : 'Opportunity created');
        onClose();
        onSaved?.(saved);
      },
      onError: (error) => showServerErrors(form, error, FIELDS),
    });
  });

  const fixedAccount = o?.account ?? account;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {fixedAccount ? (
          <TextInput label="Account" value={fixedAccount.name} disabled />
        ) : (
          <AccountSelect {...form.getInputProps('accountId')} />
        )}
        <TextInput label="Name" placeholder="Fleet analytics rollout" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Stage" data={options(OPPORTUNITY_STAGES, STAGE_LABELS)} allowDeselect={false} {...form.getInputProps('stage')} />
          <NumberInput label="ARR" prefix="$" thousandSeparator="," min={0} allowNegative={false} {...form.getInputProps('arr')} />
          <TextInput label="Close date" type="date" {...form.getInputProps('closeDate')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Sales owner"
            placeholder="Nobody yet"
            searchable
            clearable
            data={members.options}
            {...form.getInputProps('salesOwnerId')}
          />
          <Select
            label="Sales engineer"
            placeholder="Nobody yet"
            searchable
            clearable
            data={members.options}
            {...form.getInputProps('salesEngineerId')}
          />
          <Select
            label="Solutions architect"
            placeholder="Nobody yet"
            searchable
            clearable
            data={members.options}
            {...form.getInputProps('solutionsArchitectId')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Technical win"
            data={options(TECHNICAL_WIN_STATUSES, TECHNICAL_WIN_LABELS)}
            allowDeselect={false}
            {...form.getInputProps('technicalWin')}
          />
          <TextInput
            label="Technical win reason"
            placeholder={form.values.technicalWin === 'lost' ? 'Required: why it was lost' : 'How it was won, or what decides it'}
            withAsterisk={form.values.technicalWin === 'lost'}
            {...form.getInputProps('technicalWinReason')}
          />
        </SimpleGrid>
        <TagsInput label="Products" placeholder="Type a product, press Enter" clearable {...form.getInputProps('products')} />
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {o ? 'Save changes' : 'Create opportunity'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Autocomplete, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { showServerErrors } from '../../../ui/server-errors';
import {
  FIT_LABELS,
  PRIORITY_LABELS,
  REQUIREMENT_FITS,
  REQUIREMENT_PRIORITIES,
  useSaveRequirement,
  type Requirement,
  type RequirementFit,
  type RequirementPriority,
  type RequirementWrite,
} from './api';

const FIELDS = ['reference', 'text', 'section', 'priority', 'fit', 'notes'] as const;

interface Props {
  opened: boolean;
  onClose: () => void;
  opportunityId: string;
  sections: string[];
  /** The requirement to edit; absent for a new one. */
  requirement?: Requirement;
}

/** Tells the person what a write did beside the requirement itself (a gap captured as feedback, an item kept). */
export function showNotices(result: Pick<RequirementWrite, 'notices'>, saved: string) {
  notifications.show({ color: 'teal', message: saved });
  for (const notice of result.notices) notifications.show({ color: 'blue', title: 'Feedback', message: notice, autoClose: 8000 });
}

export function RequirementFormModal(props: Props) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.requirement ? 'Edit requirement' : 'Add requirement'}
      size="lg"
      centered
    >
      {props.opened && <RequirementForm {...props} />}
    </Modal>
  );
}

function RequirementForm({ opportunityId, requirement, sections, onClose }: Props) {
  const save = useSaveRequirement(opportunityId);
  const form = useForm({
    initialValues: {
      reference: requirement?.reference ?? '',
      text: requirement?.text ?? '',
      section: requirement?.section ?? '',
      priority: (requirement?.priority ?? 'should') as RequirementPriority,
      fit: (requirement?.fit ?? 'unassessed') as RequirementFit,
      notes: requirement?.notes ?? '',
    },
    validate: { text: (v) => (v.trim() ? null : 'Write the requirement') },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        id: requirement?.id,
        reference: values.reference.trim() || null,
        text: values.text,
        section: values.section.trim() || null,
        priority: values.priority,
        fit: values.fit,
        notes: values.notes.trim() || null,
      },
      {
        onSuccess: (result) => {
          showNotices(result, requirement ? 'Requirement saved' : 'Requirement added');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Reference"
            description="The customer’s id, such as R-12"
            maxLength={64}
            miw={140}
            {...form.getInputProps('reference')}
          />
          <Autocomplete label="Section" data={sections} maxLength={200} miw={180} {...form.getInputProps('section')} />
        </Group>
        <Textarea label="Requirement" required autosize minRows={3} maxRows={10} maxLength={10_000} {...form.getInputProps('text')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="priority-label">
            Priority
          </Text>
          <SegmentedControl
            aria-labelledby="priority-label"
            data={REQUIREMENT_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            {...form.getInputProps('priority')}
          />
        </Stack>
        <Select
          label="Fit"
          description="A gap is captured in the feedback insights inbox, with the deal’s ARR as pipeline"
          data={REQUIREMENT_FITS.map((f) => ({ value: f, label: FIT_LABELS[f] }))}
          allowDeselect={false}
          {...form.getInputProps('fit')}
        />
        <Textarea label="Notes" description="How it is met, or why not" autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {requirement ? 'Save requirement' : 'Add requirement'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifySuccess, showServerErrors } from '../../ui/server-errors';
import { useCreateContact, useUpdateContact, type Contact, type ContactInput } from './api';
import { CUSTOMER_ROLE_LABELS, CUSTOMER_ROLES, options } from './labels';

const FIELDS = ['name', 'email', 'title', 'customerRole', 'phone'] as const;

interface Props {
  accountId: string;
  contact?: Contact;
  opened: boolean;
  onClose: () => void;
}

export function ContactFormModal(props: Props) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.contact ? 'Edit contact' : 'Add contact'} centered size="lg">
      <ContactForm {...props} />
    </Modal>
  );
}

function ContactForm({ accountId, contact, onClose }: Props) {
  const create = useCreateContact(accountId);
  const update = useUpdateContact(accountId);
  const form = useForm({
    initialValues: {
      name: contact?.name ?? '',
      email: contact?.email ?? '',
      title: contact?.title ?? '',
      customerRole: contact?.customerRole ?? null,
      phone: contact?.phone ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter the contact’s name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid e-mail address'),
    },
  });

  const submit = (values: typeof form.values) => {
    const body: ContactInput = {
      name: values.name.trim(),
      email: values.email.trim(),
      title: values.title.trim() || null,
      customerRole: values.customerRole,
      phone: values.phone.trim() || null,
    };
    const handlers = {
      onSuccess: () => {
        notifySuccess(contact ? 'Contact updated.' : `${body.name} added.`);
        onClose();
      },
      onError: (error: Error) => showServerErrors(form, error, FIELDS),
    };
    if (contact) update.mutate({ id: contact.id, ...body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label="E-mail" type="email" withAsterisk {...form.getInputProps('email')} />
          <TextInput label="Job title" placeholder="VP Engineering" {...form.getInputProps('title')} />
          <Select
            label="Customer role"
            placeholder="Not set"
            clearable
            data={options(CUSTOMER_ROLES, CUSTOMER_ROLE_LABELS)}
            {...form.getInputProps('customerRole')}
          />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {contact ? 'Save contact' : 'Add contact'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

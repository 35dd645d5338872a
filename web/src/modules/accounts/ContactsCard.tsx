import { ActionIcon, Anchor, Badge, Button, Card, Group, Skeleton, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { EmptyState } from '../../ui/EmptyState';
import { IconPencil, IconPlus, IconUpload, IconUsers } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { useContacts, type Contact } from './api';
import { ContactFormModal } from './ContactFormModal';
import { PortalAccessMenu } from '../portal/PortalAccessMenu';
import { CUSTOMER_ROLE_LABELS } from './labels';

export function ContactsCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const contacts = useContacts(accountId);
  // null: closed; 'new': adding; a contact: editing it.
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const canWrite = can('contacts.write');

  return (
    <Card component="section" aria-label="Contacts">
      <Group justify="space-between" mb="md">
        <Title order={4}>Contacts</Title>
        {canWrite && (
          <Group gap="xs">
            <Button component={Link} to="/import/contacts" size="xs" variant="default" leftSection={<IconUpload size={14} />}>
              Import
            </Button>
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
              Add contact
            </Button>
          </Group>
        )}
      </Group>
      {contacts.isPending && <Skeleton height={120} />}
      {contacts.isError && <QueryError error={contacts.error} onRetry={() => void contacts.refetch()} />}
      {contacts.isSuccess && contacts.data.length === 0 && (
        <EmptyState icon={<IconUsers size={18} />} title="No contacts yet" description="Add the people you work with at this customer." />
      )}
      {contacts.isSuccess && contacts.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>E-mail</Table.Th>
                <Table.Th>Phone</Table.Th>
                {canWrite && <Table.Th w={72} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {contact.name}
                    </Text>
                    {contact.title && (
                      <Text size="xs" c="dimmed">
                        {contact.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.customerRole ? (
                      <Badge variant="light" color="gray" size="sm">
                        {CUSTOMER_ROLE_LABELS[contact.customerRole]}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={`mailto:${contact.email}`} size="sm">
                      {contact.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{contact.phone ?? '—'}</Text>
                  </Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label="Edit contact">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${contact.name}`} onClick={() => setEditing(contact)}>
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <PortalAccessMenu contact={contact} />
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ContactFormModal
        accountId={accountId}
        contact={editing === 'new' ? undefined : (editing ?? undefined)}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

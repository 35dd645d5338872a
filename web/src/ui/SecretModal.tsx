import type { ReactNode } from 'react';
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconLock } from '@tabler/icons-react';

/** Shows a secret exactly once (temporary password, API token) with a copy button. */
export function SecretModal({
  title,
  secret,
  label,
  children,
  onClose,
}: {
  title: string;
  secret: string | null;
  label: string;
  children?: ReactNode;
  onClose: () => void;
}) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={title} centered closeOnClickOutside={false}>
      <Stack>
        {children}
        <Alert variant="light" color="yellow" icon={<IconLock size={18} />}>
          This is the only time it is shown. Copy it now and hand it over safely.
        </Alert>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group wrap="nowrap" gap="xs">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="secret-value">
            {secret}
          </Code>
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                <ActionIcon variant="light" color={copied ? 'teal' : 'blue'} onClick={copy} aria-label="Copy" size="lg">
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { ActionIcon, Kbd, Popover, Table, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { WORKSPACE_KEYS } from './use-workspace-keys';

/** The workspace's keyboard shortcuts, behind a button and the "?" key. */
export function KeyboardHelp({ opened, onChange }: { opened: boolean; onChange: (o: boolean) => void }) {
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" withArrow shadow="md" width={300}>
      <Popover.Target>
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts" onClick={() => onChange(!opened)}>
            <IconKeyboard size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm" mb="xs">
          Keyboard shortcuts
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} aria-label="Keyboard shortcuts">
          <Table.Tbody>
            {WORKSPACE_KEYS.map((k) => (
              <Table.Tr key={k.what}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {k.keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 && (k.keys[0] === 'Ctrl' ? ' + ' : ' / ')}
                      <Kbd size="xs">{key}</Kbd>
                    </span>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{k.what}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}

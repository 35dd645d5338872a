import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { exportUrl } from './api';

/** Downloads: the customer's own workbook with the answers in their cells, or a CSV. */
export function ExportMenu({ id }: { id: string }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>The customer’s file, answers in their cells</Menu.Label>
        <Menu.Item component="a" href={exportUrl(id, 'workbook')} download>
          Workbook: approved answers
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(id, 'workbook', 'drafted')} download>
          Workbook: drafts included
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>One row per question</Menu.Label>
        <Menu.Item component="a" href={exportUrl(id, 'csv')} download>
          CSV: approved answers
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(id, 'csv', 'drafted')} download>
          CSV: drafts included
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

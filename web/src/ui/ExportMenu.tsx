import { useState } from 'react';
import { Box, Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import type { ExportFormat } from '../../../src/modules/platform/contract/list-export';
import { ApiError, withQuery } from '../lib/api-client';

interface ExportMenuProps {
  /** The export route beside the list's route: `/api/tickets/export` for `/api/tickets`. */
  path: string;
  /** The query the screen sends its list (its filters and sort, from the URL); cursor and page size are dropped, the export takes every page. */
  query: object;
}

const FORMATS: { format: ExportFormat; label: string; icon: typeof IconDownload }[] = [
  { format: 'csv', label: 'CSV', icon: IconFileTypeCsv },
  { format: 'xlsx', label: 'Excel (XLSX)', icon: IconFileSpreadsheet },
];

/** The export URL of a list: the screen's own query, every page of it, in `format`. */
export function exportUrl(path: string, query: object, format: ExportFormat): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'cursor' || key === 'limit') continue;
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (typeof value === 'boolean') params[key] = String(value);
  }
  return withQuery(path, { ...params, format });
}

function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/** Fetches the file and hands it to the browser as a download; an error (a list over the limit) comes back in the API's shape. */
async function download(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'http.error',
      body?.error?.message ?? `The server answered ${response.status}.`,
    );
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL can go on the next tick.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

/**
 * "Export" on a list screen: CSV or Excel of the list as filtered on screen (every page, not only
 * the one shown). On a phone it is an icon, so the header keeps its one row.
 *
 * @example <ExportMenu path="/api/accounts/export" query={filters.query} />
 */
export function ExportMenu({ path, query }: ExportMenuProps) {
  const [busy, setBusy] = useState(false);
  const run = (format: ExportFormat) => {
    setBusy(true);
    download(exportUrl(path, query, format), `export.${format}`)
      .catch((error: unknown) =>
        notifications.show({ color: 'red', title: 'Export failed', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" aria-label="Export" leftSection={<IconDownload size={16} />} loading={busy} px={{ base: 'xs', sm: 'md' }}>
          <Box component="span" visibleFrom="sm">
            Export
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {FORMATS.map(({ format, label, icon: Icon }) => (
          <Menu.Item key={format} leftSection={<Icon size={16} />} onClick={() => run(format)}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

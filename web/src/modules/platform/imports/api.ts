import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  importPreviewSchema,
  importResultSchema,
  IMPORT_MODES,
} from '../../../../../src/modules/accounts/contract/spreadsheet-import';
import { api } from '../../../lib/api-client';

export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportMapping = Pick<ImportPreview, 'sheet'> & { columns: ImportPreview['mapping'] };

/** The form every import request sends: the file, then the mapping (absent: suggested by header) and the mode. */
function uploadForm(file: File, mapping?: ImportMapping, mode?: ImportMode): FormData {
  const form = new FormData();
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  if (mode) form.append('mode', mode);
  form.append('file', file);
  return form;
}

/** Reads the file and validates every row against the mapping; writes nothing. */
export function usePreviewSpreadsheet(kind: string) {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping?: ImportMapping }) =>
      api.upload<ImportPreview>(`/api/imports/${kind}/preview`, uploadForm(file, mapping)),
  });
}

/** Writes the valid rows (or nothing, all or nothing); the lists the records show in are refetched. */
export function useImportSpreadsheet(kind: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, mode }: { file: File; mapping: ImportMapping; mode: ImportMode }) =>
      api.upload<ImportResult>(`/api/imports/${kind}`, uploadForm(file, mapping, mode)),
    onSuccess: () => client.invalidateQueries(),
  });
}

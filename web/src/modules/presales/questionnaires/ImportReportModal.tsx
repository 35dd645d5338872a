import { Loader, Modal } from '@mantine/core';
import { QueryError } from '../../../ui/QueryError';
import { useImportReport } from './api';
import { ImportReportView } from './ImportReportView';

/** What the import took from the workbook and what it skipped, row by row; loaded when opened. */
export function ImportReportModal({ questionnaireId, opened, onClose }: { questionnaireId: string; opened: boolean; onClose: () => void }) {
  const report = useImportReport(questionnaireId, opened);
  return (
    <Modal opened={opened} onClose={onClose} title="Import report" size="xl" centered>
      {report.data ? (
        <ImportReportView report={report.data} />
      ) : report.isError ? (
        <QueryError error={report.error} />
      ) : (
        <Loader size="sm" />
      )}
    </Modal>
  );
}

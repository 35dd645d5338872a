import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';

interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** The button's own text, e.g. "Delete". */
  children: ReactNode;
  /** The question the dialog asks, e.g. `Delete the rule “Renewal in 90 days”?` (also its name). */
  title: string;
  /** What happens, in a sentence or two. */
  message: ReactNode;
  /** The confirming button's text, e.g. "Delete rule". */
  confirmLabel: string;
  /** Runs on confirm; the dialog closes when it settles. */
  onConfirm: () => Promise<unknown> | void;
  'aria-label'?: string;
}

/**
 * A button for an act that cannot be undone: it asks first, in a dialog that names the record and
 * says what will happen (never the browser's `confirm()`, which cannot say it well, looks like a
 * page error and blocks the tab).
 *
 * @example <ConfirmButton title={`Delete “${plan.title}”?`} message="…" confirmLabel="Delete plan" onConfirm={() => remove.mutateAsync(plan.id)}>Delete</ConfirmButton>
 */
export function ConfirmButton({ children, title, message, confirmLabel, onConfirm, loading, ...button }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpen(false);
    } catch {
      // The caller reports the error (a toast); the dialog stays open so the act can be retried.
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button {...button} loading={loading} onClick={() => setOpen(true)}>
        {children}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

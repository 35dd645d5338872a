import { useRef, useState } from 'react';
import { ActionIcon, Anchor, Button, Group, Modal, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMessagePlus } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { CaptureFeedbackForm, type CaptureSource } from './CaptureFeedbackForm';
import type { FeedbackItem } from './api';

interface Props extends CaptureSource {
  /** The need's starting title: the ticket's subject, the task's title… */
  defaultTitle?: string;
  /** The customer's words to start from, when no text is selected on the page. */
  defaultQuote?: string;
  /**
   * `button` (default) sits in a row of buttons, `bar` is a right-aligned row of its own (in a
   * stack), `icon` is a small icon button for a line in a list.
   */
  placement?: 'button' | 'bar' | 'icon';
}

/**
 * "Capture feedback" from wherever the customer said it: opens the capture form prefilled from the
 * source (text selected on the page becomes the quote). Hidden without feedback.write.
 *
 * @example <CaptureFeedbackButton sourceType="ticket" sourceId={ticket.id} contacts={[ticket.requester]} defaultTitle={ticket.subject} />
 */
export function CaptureFeedbackButton({ defaultTitle, defaultQuote, placement = 'button', ...source }: Props) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [start, setStart] = useState({ title: '', quote: '' });
  // Pressing the button can clear the page's selection, so it is read on the way down.
  const selected = useRef('');
  if (!can('feedback.write')) return null;

  const remember = () => {
    selected.current = window.getSelection()?.toString().trim() ?? '';
  };
  const open = () => {
    const quote = selected.current || window.getSelection()?.toString().trim() || defaultQuote || '';
    selected.current = '';
    setStart({ title: defaultTitle ?? '', quote });
    setOpened(true);
  };
  const captured = (item: FeedbackItem) => {
    setOpened(false);
    notifications.show({
      color: 'teal',
      title: 'Feedback captured',
      message: (
        <Text size="sm">
          {item.request ? `Linked to “${item.request.title}”. ` : 'It waits in the insights inbox for triage. '}
          <Anchor component="button" type="button" size="sm" onClick={() => navigate('/feedback/inbox')}>
            Open the inbox
          </Anchor>
        </Text>
      ),
    });
  };

  const label = 'Capture feedback';
  const trigger =
    placement === 'icon' ? (
      <Tooltip label={label}>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={label} onMouseDown={remember} onClick={open}>
          <IconMessagePlus size={14} />
        </ActionIcon>
      </Tooltip>
    ) : (
      <Button size="xs" variant="light" leftSection={<IconMessagePlus size={14} />} onMouseDown={remember} onClick={open}>
        {label}
      </Button>
    );

  return (
    <>
      {placement === 'bar' ? <Group justify="flex-end">{trigger}</Group> : trigger}
      <Modal opened={opened} onClose={() => setOpened(false)} title="Capture feedback" size="lg" centered>
        <CaptureFeedbackForm
          source={source}
          initialTitle={start.title}
          initialQuote={start.quote}
          onCaptured={captured}
          onCancel={() => setOpened(false)}
        />
      </Modal>
    </>
  );
}

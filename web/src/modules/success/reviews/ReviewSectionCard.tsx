import { Button, Card, Group, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Markdown } from '../../../ui/markdown';
import { notifyError } from '../../../ui/server-errors';
import { useUpdateReview, type ReviewSection } from './api';

/** One Markdown section: read, or edit and save while the review is a draft. */
export function ReviewSectionCard({ reviewId, section, editable }: { reviewId: string; section: ReviewSection; editable: boolean }) {
  const update = useUpdateReview(reviewId);
  const [draft, setDraft] = useState<string | null>(null);
  const save = async () => {
    if (draft === null) return;
    try {
      await update.mutateAsync({ sections: [{ key: section.key, markdown: draft }] });
      setDraft(null);
    } catch (error) {
      notifyError(error, 'The section was not saved');
    }
  };
  return (
    <Card withBorder component="section" aria-label={section.title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {section.title}
        </Title>
        {editable && draft === null && (
          <Button size="xs" variant="default" onClick={() => setDraft(section.markdown)} aria-label={`Edit ${section.title}`}>
            Edit
          </Button>
        )}
      </Group>
      {draft === null ? (
        <Markdown source={section.markdown} />
      ) : (
        <Stack gap="xs">
          <Textarea
            label={`${section.title} (Markdown)`}
            autosize
            minRows={5}
            maxLength={20_000}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button size="xs" onClick={() => void save()} loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

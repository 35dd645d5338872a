import { useState } from 'react';
import { Anchor, Button, Card, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../ui/EmptyState';
import { fromNow } from '../../ui/format';
import { IconSearch } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { useArticleSearch } from './api';
import { HighlightedSnippet } from './HighlightedSnippet';
import { IconBook } from '@tabler/icons-react';

/** Search the public knowledge base before (or instead of) opening a request. */
export function PortalHelpPage() {
  const [params, setParams] = useSearchParams();
  const [input, setInput] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(input.trim(), 300);
  const results = useArticleSearch(q);

  return (
    <Stack gap="lg" maw={860}>
      <Card p="xl" style={{ background: 'linear-gradient(135deg, var(--mantine-color-brand-6), var(--mantine-color-brand-8))', border: 0 }}>
        <Stack gap="sm">
          <Title order={2} c="white">
            How can we help?
          </Title>
          <Text c="white" opacity={0.85} size="sm">
            Search our guides and answers to common questions.
          </Text>
          <TextInput
            aria-label="Search the help centre"
            placeholder="e.g. export timeout, single sign-on, API rate limits"
            size="md"
            leftSection={<IconSearch size={18} />}
            rightSection={results.isFetching ? <Loader size="xs" /> : null}
            value={input}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setInput(value);
              setParams(value.trim() ? { q: value.trim() } : {}, { replace: true });
            }}
            autoFocus
          />
        </Stack>
      </Card>
      {results.isError && <QueryError error={results.error} onRetry={() => void results.refetch()} />}
      {!q && (
        <EmptyState
          icon={<IconBook size={18} />}
          title="Start typing to search"
          description="Articles matching your words appear here, best match first."
        />
      )}
      {q && results.isSuccess && results.data.length === 0 && (
        <EmptyState
          icon={<IconSearch size={18} />}
          title={`No articles match “${q}”`}
          description="Try other words, or ask our team directly."
          action={
            <Button component={Link} to="/portal/tickets/new" variant="light" mt="xs">
              Open a request
            </Button>
          }
        />
      )}
      {q && results.data && results.data.length > 0 && (
        <Stack
          gap="sm"
          component="ul"
          aria-label="Articles"
          p={0}
          m={0}
          style={{ listStyle: 'none', opacity: results.isPlaceholderData ? 0.6 : 1 }}
        >
          {results.data.map((hit) => (
            <Card component="li" key={hit.id} p="md">
              <Anchor component={Link} to={`/portal/help/${hit.id}`} fw={600}>
                {hit.title}
              </Anchor>
              <Text size="sm" c="dimmed" mt={4} lineClamp={3}>
                <HighlightedSnippet html={hit.snippet} />
              </Text>
              <Text size="xs" c="dimmed" mt={6}>
                Updated {fromNow(hit.updatedAt)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

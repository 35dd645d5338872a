import {
  Alert,
  Anchor,
  Autocomplete,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Skeleton,
  Stack,
  Tabs,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { Markdown } from '../../../ui/markdown';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { IconTicket } from '@tabler/icons-react';
import {
  ARTICLE_STATUSES,
  ARTICLE_VISIBILITIES,
  useArticle,
  useArticleDraft,
  useArticleFacets,
  useCreateArticle,
  useLinkArticle,
  useUpdateArticle,
  type Article,
  type ArticleInput,
} from './api';
import { STATUS_LABELS, VISIBILITY_LABELS } from './labels';

const FIELDS = ['title', 'body', 'visibility', 'productArea', 'tags', 'status'] as const;

const blank: ArticleInput = { title: '', body: '', visibility: 'internal', productArea: null, tags: [], status: 'draft' };

/**
 * `/knowledge/new` (from a ticket with `?ticket=<id>`: pre-filled from the ticket's article draft,
 * and linked to it as the article that solved it) and `/knowledge/:id/edit`.
 */
export function ArticleEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const ticketId = id ? null : params.get('ticket');
  const existing = useArticle(id ?? '', Boolean(id));
  const draft = useArticleDraft(ticketId);

  const loading = (id && existing.isPending) || (ticketId && draft.isPending);
  const error = id ? existing.error : ticketId ? draft.error : null;
  if (loading) {
    return (
      <Stack>
        <Skeleton height={40} width={320} radius="md" />
        <Skeleton height={480} radius="md" />
      </Stack>
    );
  }
  if (error) {
    if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
    return <QueryError error={error} onRetry={() => void (id ? existing.refetch() : draft.refetch())} />;
  }
  const initial: ArticleInput = existing.data
    ? valuesOf(existing.data)
    : draft.data
      ? {
          title: draft.data.title,
          body: draft.data.body,
          visibility: draft.data.visibility,
          productArea: draft.data.productArea,
          tags: draft.data.tags,
          status: draft.data.status,
        }
      : blank;
  return <ArticleEditor key={id ?? ticketId ?? 'new'} article={existing.data} ticketId={ticketId} initial={initial} />;
}

const valuesOf = (a: Article): ArticleInput => ({
  title: a.title,
  body: a.body,
  visibility: a.visibility,
  productArea: a.productArea,
  tags: a.tags,
  status: a.status,
});

function ArticleEditor({ article, ticketId, initial }: { article?: Article; ticketId: string | null; initial: ArticleInput }) {
  const navigate = useNavigate();
  const facets = useArticleFacets();
  const create = useCreateArticle();
  const update = useUpdateArticle(article?.id ?? '');
  const link = useLinkArticle(ticketId ?? '');
  const saving = create.isPending || update.isPending || link.isPending;
  const form = useForm<ArticleInput>({
    initialValues: initial,
    validate: { title: (v) => (v.trim() ? null : 'Give the article a title') },
  });

  const submit = (values: ArticleInput) => {
    const body: ArticleInput = {
      ...values,
      title: values.title.trim(),
      productArea: values.productArea?.trim() || null,
      tags: values.tags.map((t) => t.trim().toLowerCase()).filter(Boolean),
    };
    const onError = (e: Error) => showServerErrors(form, e, FIELDS);
    if (article) {
      update.mutate(body, {
        onSuccess: (saved) => {
          notifySuccess('Article saved');
          navigate(`/knowledge/${saved.id}`);
        },
        onError,
      });
      return;
    }
    create.mutate(
      { ...body, sourceTicketId: ticketId },
      {
        onSuccess: (saved) => {
          if (!ticketId) {
            notifySuccess(`Article “${saved.title}” created`);
            navigate(`/knowledge/${saved.id}`);
            return;
          }
          // The article came out of this ticket, so it is what solved it.
          link.mutate(
            { articleId: saved.id, solved: true },
            {
              onSuccess: () => notifySuccess(`Article “${saved.title}” created and linked to the ticket`),
              onError: (e) => notifyError(e, 'The article was saved, but not linked to the ticket'),
              onSettled: () => navigate(`/knowledge/${saved.id}`),
            },
          );
        },
        onError,
      },
    );
  };

  const cancelTo = article ? `/knowledge/${article.id}` : ticketId ? `/tickets/${ticketId}` : '/knowledge';

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="lg">
        <Group gap={6}>
          <Anchor component={Link} to="/knowledge" size="sm">
            Knowledge base
          </Anchor>
          <Text size="sm" c="dimmed">
            / {article ? 'Edit article' : 'New article'}
          </Text>
        </Group>
        <Group justify="space-between" align="flex-start">
          <Title order={2}>{article ? `Edit “${article.title}”` : 'New article'}</Title>
          <Group gap="sm">
            <Button variant="default" component={Link} to={cancelTo}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {article ? 'Save article' : 'Create article'}
            </Button>
          </Group>
        </Group>
        {ticketId && (
          <Alert variant="light" color="indigo" icon={<IconTicket size={18} />} title="Drafted from a ticket">
            The problem, the resolution and the internal notes of{' '}
            <Anchor component={Link} to={`/tickets/${ticketId}`} size="sm">
              the ticket
            </Anchor>{' '}
            are filled in. Internal notes sit in a collapsed “details” block: take out what customers should not read before making the
            article public. On save the article is linked to the ticket as the one that solved it.
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card>
              <Stack>
                <TextInput
                  label="Title"
                  placeholder="SSO login loops back to the sign-in page"
                  withAsterisk
                  data-autofocus
                  {...form.getInputProps('title')}
                />
                <Tabs defaultValue="write" keepMounted={false}>
                  <Tabs.List>
                    <Tabs.Tab value="write">Write</Tabs.Tab>
                    <Tabs.Tab value="preview">Preview</Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="write" pt="sm">
                    <Textarea
                      aria-label="Body"
                      description="Markdown: ## headings, - lists, **bold**, _italics_, `code`, ``` code blocks ``` and [links](https://…)."
                      autosize
                      minRows={16}
                      maxRows={40}
                      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
                      {...form.getInputProps('body')}
                    />
                  </Tabs.Panel>
                  <Tabs.Panel value="preview" pt="sm">
                    <Card withBorder mih={320} aria-label="Preview">
                      {form.values.body.trim() ? (
                        <Markdown source={form.values.body} />
                      ) : (
                        <Text c="dimmed" size="sm">
                          Nothing to preview yet.
                        </Text>
                      )}
                    </Card>
                  </Tabs.Panel>
                </Tabs>
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card>
              <Stack>
                <Select
                  label="Status"
                  description="Drafts stay out of search for customers; archived articles are kept for history."
                  data={ARTICLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                  allowDeselect={false}
                  {...form.getInputProps('status')}
                />
                <Select
                  label="Visibility"
                  description="Public articles, once published, are what the customer help centre shows."
                  data={ARTICLE_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
                  allowDeselect={false}
                  {...form.getInputProps('visibility')}
                />
                <Autocomplete
                  label="Product area"
                  placeholder="Identity, Data import…"
                  data={facets.data?.productAreas ?? []}
                  {...form.getInputProps('productArea')}
                  value={form.values.productArea ?? ''}
                  onChange={(v) => form.setFieldValue('productArea', v || null)}
                />
                <TagsInput
                  label="Tags"
                  description="Lower-case words; press Enter after each."
                  placeholder="sso, login"
                  data={facets.data?.tags ?? []}
                  splitChars={[',', ' ']}
                  clearable
                  {...form.getInputProps('tags')}
                />
              </Stack>
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
    </form>
  );
}

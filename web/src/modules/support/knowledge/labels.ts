import type { ArticleStatus, ArticleVisibility } from './api';

export const STATUS_LABELS: Record<ArticleStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };
export const STATUS_COLORS: Record<ArticleStatus, string> = { draft: 'yellow', published: 'teal', archived: 'gray' };
export const VISIBILITY_LABELS: Record<ArticleVisibility, string> = { internal: 'Internal', public: 'Public' };
export const VISIBILITY_COLORS: Record<ArticleVisibility, string> = { internal: 'grape', public: 'blue' };

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The public rating page's survey (src/modules/support/csat/schemas.ts, publicSurveySchema). */
export interface PublicSurvey {
  ticket: { number: number; subject: string };
  rated: boolean;
  rating: 'good' | 'bad' | null;
  comment: string | null;
  expiresAt: string;
}

const key = (token: string) => ['csat', token] as const;

export function useSurvey(token: string) {
  return useQuery({ queryKey: key(token), queryFn: () => api.get<PublicSurvey>(`/api/csat/${encodeURIComponent(token)}`) });
}

export function useRate(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: 'good' | 'bad'; comment?: string }) => api.post<PublicSurvey>(`/api/csat/${encodeURIComponent(token)}`, body),
    onSuccess: (survey) => client.setQueryData(key(token), survey),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { publicSurveySchema, rateBody } from '../../../../../src/modules/support/contract/csat';
import { api } from '../../../lib/api-client';

/** The public rating page's survey (the server's contract/csat.ts). */
export type PublicSurvey = z.infer<typeof publicSurveySchema>;
type RateInput = z.input<typeof rateBody>;

const key = (token: string) => ['csat', token] as const;

export function useSurvey(token: string) {
  return useQuery({ queryKey: key(token), queryFn: () => api.get<PublicSurvey>(`/api/csat/${encodeURIComponent(token)}`) });
}

export function useRate(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RateInput) => api.post<PublicSurvey>(`/api/csat/${encodeURIComponent(token)}`, body),
    onSuccess: (survey) => client.setQueryData(key(token), survey),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { BRANDING_KEY, type PortalBranding } from '../api';

export function usePortalBrandingSettings() {
  return useQuery({ queryKey: BRANDING_KEY, queryFn: () => api.get<PortalBranding>('/api/portal/branding') });
}

export function useSavePortalBranding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalBranding) => api.put<PortalBranding>('/api/settings/portal-branding', body),
    onSuccess: (branding) => client.setQueryData(BRANDING_KEY, branding),
  });
}

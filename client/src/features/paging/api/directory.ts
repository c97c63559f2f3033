import type {
  Contact,
  ContactGroup,
  pageRecipientsSchema,
  RecipientsPreview,
} from '@contracts/paging';
import type { z } from 'zod';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { CommuneOption } from '../lib/communes';
import { pagingKeys } from './keys';

export type RecipientsSpec = z.input<typeof pageRecipientsSchema>;

/** Active contacts whose name, title or e-mail contains `q` (2 characters at least). */
export function useContactSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: pagingKeys.contacts(query),
    queryFn: ({ signal }) =>
      api.get<Contact[]>(`/api/contacts?active=true&q=${encodeURIComponent(query)}`, { signal }),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: pagingKeys.groups,
    queryFn: ({ signal }) => api.get<ContactGroup[]>('/api/groups', { signal }),
  });
}

/** The 463 communes of the department: shipped with the server, fetched once per session. */
export function useCommunes() {
  return useQuery({
    queryKey: pagingKeys.communes,
    queryFn: ({ signal }) => api.get<CommuneOption[]>('/api/reference/communes', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Who a page to these recipients would reach now; a 400 lists every invalid recipient. */
export function usePreviewRecipients() {
  return useMutation({
    mutationFn: (spec: RecipientsSpec) =>
      api.post<RecipientsPreview>('/api/recipients/preview', spec),
  });
}

import type { FEATURE_KINDS, MapFeature } from '@contracts/crisis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { crisisKeys } from './keys';
import { append, contentReplaces, removeFromList, upsertInList, type Listed } from './list-cache';

export function useMapFeatures(crisisId: string | null) {
  return useQuery({
    queryKey: crisisKeys.features(crisisId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Listed<MapFeature>>(`/api/crises/${crisisId ?? ''}/features`, { signal }),
    enabled: crisisId !== null,
  });
}

export interface CreateFeatureRequest {
  crisisId: string;
  geometry: MapFeature['geometry'];
  kind: (typeof FEATURE_KINDS)[number];
  label?: string;
  incidentId?: string;
}

export function useCreateFeature() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ crisisId, geometry, kind, label, incidentId }: CreateFeatureRequest) =>
      api.post<MapFeature>(`/api/crises/${crisisId}/features`, {
        type: 'Feature',
        geometry,
        properties: { kind, ...(label ? { label } : {}), ...(incidentId ? { incidentId } : {}) },
      }),
    onSuccess: (feature) => {
      queryClient.setQueryData<Listed<MapFeature>>(crisisKeys.features(feature.crisisId), (old) =>
        upsertInList(old, feature, { replaces: contentReplaces, insert: append }),
      );
    },
  });
}

export function useDeleteFeature() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feature: Pick<MapFeature, 'id' | 'crisisId'>) =>
      api.delete<undefined>(`/api/features/${feature.id}`),
    onSuccess: (_void, feature) => {
      queryClient.setQueryData<Listed<MapFeature>>(crisisKeys.features(feature.crisisId), (old) =>
        removeFromList(old, (f) => f.id === feature.id),
      );
    },
  });
}

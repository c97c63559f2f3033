/** The map's own data: shipped reference layers and the installation's tile settings. */
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { api } from '@/lib/api-client';

export interface DepartementProperties {
  code: string;
  nom: string;
  population: number;
}
export interface ArrondissementProperties {
  code: string;
  nom: string;
  population: number;
  nbCommunes: number;
}
export interface CommuneProperties {
  code: string;
  nom: string;
  population: number;
  arrondissement: string;
  arrondissementNom: string;
  /** "63000" or "63100/63000" */
  codesPostaux: string;
}
export interface HospitalProperties {
  finess: string;
  nom: string;
  categorie: string;
  statut?: string;
  adresse?: string;
  ville?: string;
  communeInsee: string | null;
  communeNom: string | null;
}

type Area = Polygon | MultiPolygon;

export interface ReferenceLayers {
  departement: FeatureCollection<Area, DepartementProperties>;
  arrondissements: FeatureCollection<Area, ArrondissementProperties>;
  communes: FeatureCollection<Area, CommuneProperties>;
  hopitaux: FeatureCollection<Point, HospitalProperties>;
}
export type ReferenceLayerName = keyof ReferenceLayers;

/** Shipped with the server and never changing while it runs: fetched once per session. */
export function useReferenceLayer<N extends ReferenceLayerName>(name: N) {
  return useQuery({
    queryKey: ['reference', 'layers', name],
    queryFn: ({ signal }) =>
      api.get<ReferenceLayers[N]>(`/api/reference/layers/${name}`, { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export interface ClientConfig {
  /** Base map tiles, or null: the map then shows the shipped vector layers only. */
  mapTiles: { url: string; attribution: string } | null;
}

export function useClientConfig() {
  return useQuery({
    queryKey: ['client-config'],
    queryFn: ({ signal }) => api.get<ClientConfig>('/api/client-config', { signal }),
    staleTime: Infinity,
  });
}

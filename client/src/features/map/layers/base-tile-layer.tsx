import { TileLayer } from 'react-leaflet';
import type { ClientConfig } from '../api/reference-layers';

/** The configured base map (IGN Plan, OpenStreetMap…), under every vector layer. */
export function BaseTileLayer({ tiles }: { tiles: NonNullable<ClientConfig['mapTiles']> }) {
  return <TileLayer url={tiles.url} attribution={tiles.attribution} maxZoom={19} />;
}

// First: Leaflet globals, geoman, bundled images and CSS (see the file).
import './leaflet/setup';
import './map-view.css';
import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useCallback, useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { MapContainer, ScaleControl, useMap, ZoomControl } from 'react-leaflet';
import { useClientConfig } from './api/reference-layers';
import { CommuneSearch } from './components/commune-search';
import { type DrawMode, DrawToolbar } from './components/draw-toolbar';
import {
  DEFAULT_VISIBILITY,
  type LayerKey,
  LayersPanel,
  type LayerVisibility,
} from './components/layers-panel';
import { MapChrome } from './components/map-chrome';
import { MapFocus } from './components/map-focus';
import { MapLegend } from './components/map-legend';
import { PlaceIncident } from './components/place-incident';
import { tm } from './i18n';
import { ArrondissementsLayer } from './layers/arrondissements-layer';
import { BaseTileLayer } from './layers/base-tile-layer';
import { CommunesLayer } from './layers/communes-layer';
import { DepartementLayer } from './layers/departement-layer';
import { FeaturesLayer } from './layers/features-layer';
import { HospitalsLayer } from './layers/hospitals-layer';
import { IncidentsLayer } from './layers/incidents-layer';
import { TasksLayer } from './layers/tasks-layer';
import { OrderedCanvas } from './leaflet/ordered-canvas';
import type { PointGeometry } from '@contracts/crisis';
import { useLatest } from './hooks/use-latest';
import type { DrawnGeometry, FeatureKind, MapViewProps } from './types';

export type { MapViewProps } from './types';

const CENTER: [number, number] = [45.72, 3.15];
const ZOOM = 9;
/** The department (2.39–3.99 E, 45.29–46.26 N) with a margin: the view cannot wander off. */
const MAX_BOUNDS: [[number, number], [number, number]] = [
  [44.6, 1.3],
  [46.95, 5.1],
];

type Panel = 'layers' | 'legend' | null;

/**
 * The COD's operational map. Owns the MapContainer (its props are read once); everything else is
 * a child: one component per layer (each adds and removes its own Leaflet objects through
 * useMap), and DSFR controls rendered through a portal above the map, outside Leaflet's
 * container (so map clicks and drags never reach them).
 */
export function MapView(props: MapViewProps) {
  const descriptionId = useId();
  const layersId = useId();
  const legendId = useId();
  const [renderer] = useState(() => new OrderedCanvas({ padding: 0.3, tolerance: 3 }));
  const [overlay, setOverlay] = useState<HTMLDivElement | null>(null);
  const [visibility, setVisibility] = useState<LayerVisibility>(DEFAULT_VISIBILITY);
  const [panel, setPanel] = useState<Panel>(null);
  const [drawing, setDrawing] = useState<DrawMode | null>(null);
  const { data: config } = useClientConfig();
  const tiles = config?.mapTiles ?? null;
  const showTiles = tiles !== null && visibility.tiles;
  const suspended = props.placingIncident || drawing !== null;

  // Stable callbacks for the layers: a new handler from the page re-renders nothing below.
  const latest = useLatest(props);
  const [handlers] = useState(() => ({
    selectIncident: (id: string | null) => latest.current.onSelectIncident(id),
    selectFeature: (id: string | null) => latest.current.onSelectFeature(id),
    placeIncident: (at: PointGeometry) => latest.current.onPlaceIncident(at),
    featureDrawn: (geometry: DrawnGeometry, kind: FeatureKind) =>
      latest.current.onFeatureDrawn(geometry, kind),
  }));

  const setLayer = useCallback((key: LayerKey, visible: boolean) => {
    setVisibility((v) => ({ ...v, [key]: visible }));
  }, []);
  const toggle = (which: Exclude<Panel, null>) => setPanel((p) => (p === which ? null : which));

  return (
    <section
      className="vigie-map"
      aria-label={tm.region}
      aria-describedby={descriptionId}
      data-testid="map"
    >
      <p id={descriptionId} className={fr.cx('fr-sr-only')}>
        {tm.description}
      </p>
      <MapContainer
        className="vigie-map__leaflet"
        center={CENTER}
        zoom={ZOOM}
        minZoom={7}
        maxZoom={18}
        maxBounds={MAX_BOUNDS}
        maxBoundsViscosity={0.8}
        preferCanvas
        renderer={renderer}
        // geoman is opt-in (see leaflet/setup.ts): the map itself opts in for the drawing tools
        pmIgnore={false}
        zoomControl={false}
      >
        <ZoomControl position="bottomright" zoomInTitle={tm.zoomIn} zoomOutTitle={tm.zoomOut} />
        <ScaleControl position="bottomleft" imperial={false} />
        <MapChrome />
        <MapResize />
        {showTiles && <BaseTileLayer tiles={tiles} />}
        {visibility.departement && <DepartementLayer filled={!showTiles} />}
        {visibility.arrondissements && <ArrondissementsLayer />}
        {visibility.communes && <CommunesLayer />}
        {visibility.hospitals && <HospitalsLayer />}
        {visibility.features && (
          <FeaturesLayer
            features={props.features}
            selectedFeatureId={props.selectedFeatureId}
            onSelectFeature={handlers.selectFeature}
            suspended={suspended}
          />
        )}
        {visibility.incidents && (
          <IncidentsLayer
            incidents={props.incidents}
            selectedIncidentId={props.selectedIncidentId}
            onSelectIncident={handlers.selectIncident}
            suspended={suspended}
          />
        )}
        {visibility.tasks && <TasksLayer tasks={props.tasks} incidents={props.incidents} />}
        <MapFocus focus={props.focus} />
        <PlaceIncident active={props.placingIncident} onPlace={handlers.placeIncident} />
        {overlay &&
          createPortal(
            <>
              <div className="vigie-map__corner vigie-map__corner--start">
                <CommuneSearch />
                {props.canDraw && (
                  <DrawToolbar
                    onFeatureDrawn={handlers.featureDrawn}
                    onDrawingChange={setDrawing}
                  />
                )}
              </div>
              <div className="vigie-map__corner vigie-map__corner--end">
                <div className="vigie-map__toggles">
                  <Button
                    size="small"
                    priority={panel === 'layers' ? 'primary' : 'secondary'}
                    iconId="fr-icon-stack-line"
                    onClick={() => toggle('layers')}
                    nativeButtonProps={{
                      'aria-expanded': panel === 'layers',
                      'aria-controls': layersId,
                      'data-testid': 'map-layers-toggle',
                    }}
                  >
                    {tm.layers.button}
                  </Button>
                  <Button
                    size="small"
                    priority={panel === 'legend' ? 'primary' : 'secondary'}
                    iconId="fr-icon-list-unordered"
                    onClick={() => toggle('legend')}
                    nativeButtonProps={{
                      'aria-expanded': panel === 'legend',
                      'aria-controls': legendId,
                      'data-testid': 'map-legend-toggle',
                    }}
                  >
                    {tm.legend.button}
                  </Button>
                </div>
                <LayersPanel
                  id={layersId}
                  hidden={panel !== 'layers'}
                  visibility={visibility}
                  onChange={setLayer}
                  hasTiles={tiles !== null}
                />
                <MapLegend id={legendId} hidden={panel !== 'legend'} />
              </div>
              <p
                className={props.placingIncident ? 'vigie-map__hint' : fr.cx('fr-sr-only')}
                role="status"
              >
                {props.placingIncident ? tm.placing.hint : ''}
              </p>
            </>,
            overlay,
          )}
      </MapContainer>
      <div ref={setOverlay} className="vigie-map__overlay" />
    </section>
  );
}

/** Leaflet measures its container once: re-measure whenever the layout changes its size. */
function MapResize() {
  const map = useMap();
  useEffect(() => {
    const observer = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    observer.observe(map.getContainer());
    return () => observer.disconnect();
  }, [map]);
  return null;
}

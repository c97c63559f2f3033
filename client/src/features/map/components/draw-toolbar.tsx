import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { FEATURE_KIND_LABELS, FEATURE_KINDS } from '@contracts/crisis';
import type L from 'leaflet';
import { useEffect, useId, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useLatest } from '../hooks/use-latest';
import { tm } from '../i18n';
import { toDrawnGeometry } from '../lib/geometry';
import { HIGHLIGHT } from '../lib/styles';
import type { DrawnGeometry, FeatureKind } from '../types';

export type DrawMode = 'polygon' | 'line' | 'point';

const SHAPES = { polygon: 'Polygon', line: 'Line', point: 'CircleMarker' } as const;

const BUTTONS = [
  {
    mode: 'polygon',
    label: tm.draw.polygon,
    iconId: 'fr-icon-shape-line',
    testId: 'map-draw-polygon',
  },
  { mode: 'line', label: tm.draw.line, iconId: 'fr-icon-road-map-line', testId: 'map-draw-line' },
  {
    mode: 'point',
    label: tm.draw.point,
    iconId: 'fr-icon-map-pin-2-line',
    testId: 'map-draw-point',
  },
] as const;

const HELP: Record<DrawMode, string> = {
  polygon: tm.draw.helpPolygon,
  line: tm.draw.helpLine,
  point: tm.draw.helpPoint,
};

interface DrawToolbarProps {
  onFeatureDrawn: (geometry: DrawnGeometry, kind: FeatureKind) => void;
  onDrawingChange: (mode: DrawMode | null) => void;
}

/**
 * Drawing with leaflet-geoman, driven by our own DSFR buttons: the kind is chosen first; a
 * finished shape is converted to GeoJSON ([lon, lat], 6 decimals), its temporary layer removed,
 * and handed to the page, which saves it (the saved feature then comes back through `features`).
 */
export function DrawToolbar({ onFeatureDrawn, onDrawingChange }: DrawToolbarProps) {
  const map = useMap();
  const selectId = useId();
  const [kind, setKind] = useState<FeatureKind>('perimetre_securite');
  const [mode, setMode] = useState<DrawMode | null>(null);
  const [message, setMessage] = useState('');
  const latest = useLatest({ onFeatureDrawn, onDrawingChange, kind });

  useEffect(() => {
    map.pm.setLang('fr');
    map.pm.setGlobalOptions({
      snappable: true,
      snapDistance: 12,
      allowSelfIntersection: false,
      finishOn: null,
      finishOnEnter: true,
      continueDrawing: false,
      tooltips: true,
      templineStyle: { color: HIGHLIGHT, weight: 3 },
      hintlineStyle: { color: HIGHLIGHT, weight: 2, dashArray: '6 6' },
      pathOptions: { color: HIGHLIGHT, weight: 3, fillOpacity: 0.1 },
    });
    const onCreate = (e: { layer: L.Layer }) => {
      const layer = e.layer as L.Polyline | L.CircleMarker;
      const geometry = toDrawnGeometry(layer.toGeoJSON().geometry);
      layer.remove();
      if (!geometry) {
        setMessage(tm.draw.invalid);
        return;
      }
      const { kind: chosen } = latest.current;
      setMessage(tm.draw.done(FEATURE_KIND_LABELS[chosen]));
      latest.current.onFeatureDrawn(geometry, chosen);
    };
    const onDrawEnd = () => {
      setMode(null);
      latest.current.onDrawingChange(null);
    };
    map.on('pm:create', onCreate);
    map.on('pm:drawend', onDrawEnd);
    return () => {
      map.off('pm:create', onCreate);
      map.off('pm:drawend', onDrawEnd);
      map.pm.disableDraw();
    };
  }, [map, latest]);

  useEffect(() => {
    if (mode === null) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') map.pm.disableDraw();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [mode, map]);

  const start = (next: DrawMode) => {
    if (next === mode) {
      map.pm.disableDraw(); // fires pm:drawend
      return;
    }
    map.pm.enableDraw(SHAPES[next]); // ends the current drawing first
    setMode(next);
    setMessage('');
    onDrawingChange(next);
  };

  return (
    <div className="vigie-map-panel vigie-map-draw" role="group" aria-label={tm.draw.title}>
      <div className={fr.cx('fr-select-group', 'fr-mb-1w')}>
        <label className={fr.cx('fr-label')} htmlFor={selectId}>
          {tm.draw.kind}
        </label>
        <select
          id={selectId}
          className={fr.cx('fr-select')}
          value={kind}
          data-testid="map-draw-kind"
          onChange={(e) => setKind(e.target.value as FeatureKind)}
        >
          {FEATURE_KINDS.map((k) => (
            <option key={k} value={k}>
              {FEATURE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="vigie-map-draw__buttons">
        {BUTTONS.map((b) => (
          <Button
            key={b.mode}
            size="small"
            priority={mode === b.mode ? 'primary' : 'secondary'}
            iconId={b.iconId}
            onClick={() => start(b.mode)}
            nativeButtonProps={{ 'aria-pressed': mode === b.mode, 'data-testid': b.testId }}
          >
            {b.label}
          </Button>
        ))}
        {mode !== null && (
          <Button
            size="small"
            priority="tertiary"
            iconId="fr-icon-close-line"
            onClick={() => map.pm.disableDraw()}
            nativeButtonProps={{ 'data-testid': 'map-draw-cancel' }}
          >
            {tm.draw.cancel}
          </Button>
        )}
      </div>
      <p
        className={fr.cx('fr-text--xs', 'fr-mb-0', 'fr-mt-1w')}
        role="status"
        data-testid="map-draw-status"
      >
        {mode !== null ? HELP[mode] : message}
      </p>
    </div>
  );
}

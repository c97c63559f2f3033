import type { Feature, Point } from 'geojson';
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { type HospitalProperties, useReferenceLayer } from '../api/reference-layers';
import { tm } from '../i18n';
import { infoBox } from '../leaflet/content';
import { GlyphMarker, type Glyph } from '../leaflet/glyph-marker';
import { DRAW_ORDER } from '../leaflet/ordered-canvas';

const GLYPH: Glyph = { text: 'H', color: '#FFFFFF', size: 9, halo: null, haloWidth: 0 };

/** The 45 hospitals: small canvas markers, a popup with name, category and commune. */
export function HospitalsLayer() {
  const map = useMap();
  const { data } = useReferenceLayer('hopitaux');

  useEffect(() => {
    if (!data) return;
    const group = L.featureGroup();
    for (const feature of data.features as Feature<Point, HospitalProperties>[]) {
      const [lon = 0, lat = 0] = feature.geometry.coordinates;
      new GlyphMarker(
        [lat, lon],
        {
          radius: 7,
          color: '#FFFFFF',
          weight: 1.5,
          fillColor: '#0063CB',
          fillOpacity: 1,
          drawOrder: DRAW_ORDER.hospitals,
        },
        GLYPH,
        feature.properties,
      ).addTo(group);
    }
    const describe = (layer: L.Layer) => {
      const p = (layer as GlyphMarker<HospitalProperties>).item;
      return infoBox(p.nom, [
        tm.tooltip.hospitalCategory(p.categorie),
        p.communeNom ? tm.tooltip.hospitalCommune(p.communeNom) : null,
      ]);
    };
    group.bindTooltip((layer) => infoBox((layer as GlyphMarker<HospitalProperties>).item.nom, []), {
      direction: 'top',
      offset: [0, -6],
      className: 'vigie-map-tooltip',
    });
    group.bindPopup(describe, { className: 'vigie-map-popup' });
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, data]);

  return null;
}

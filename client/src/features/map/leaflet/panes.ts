import type { Map as LeafletMap } from 'leaflet';

/**
 * Custom panes. Interactive vector layers all share the map's one canvas (see ordered-canvas.ts)
 * because a canvas in a higher pane would swallow the mouse events of the ones below it; only
 * non-interactive drawings and DOM markers get panes of their own.
 */
export const PANES = {
  /** Department and arrondissement limits: non-interactive, under every overlay. */
  ground: { name: 'vigie-ground', zIndex: 350 },
  /** Arrondissement names: under the incidents (Leaflet's tooltip pane is above everything). */
  groundLabels: { name: 'vigie-ground-labels', zIndex: 390 },
  /** Labelled feature points (PCO, PRV…): DOM markers above the canvas. */
  featurePoints: { name: 'vigie-feature-points', zIndex: 610 },
  /** Open-task badges. */
  badges: { name: 'vigie-badges', zIndex: 620 },
} as const;

export type PaneName = (typeof PANES)[keyof typeof PANES]['name'];

export function ensurePane(map: LeafletMap, pane: (typeof PANES)[keyof typeof PANES]): string {
  if (!map.getPane(pane.name)) {
    const el = map.createPane(pane.name);
    el.style.zIndex = String(pane.zIndex);
  }
  return pane.name;
}

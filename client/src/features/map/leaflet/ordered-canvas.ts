/**
 * One canvas for every interactive vector layer, drawn (and hit-tested) in a fixed order of
 * `drawOrder` whatever the order in which layers are added: communes under zones, zones under
 * hospitals, hospitals under incidents. Leaflet's Canvas draws in insertion order; this renderer
 * only moves each new path to its place in Leaflet's draw list (Leaflet 1.9 internals, pinned).
 */
import L from 'leaflet';

export const DRAW_ORDER = {
  communes: 10,
  featureAreas: 20,
  featureLines: 30,
  incidentAreas: 35,
  hospitals: 40,
  incidents: 50,
  selection: 60,
  highlight: 70,
  /** Layers that do not say (e.g. the drawing tools' shapes): on top. */
  other: 100,
} as const;

export interface OrderedPathOptions extends L.PathOptions {
  drawOrder?: number;
}

interface DrawNode {
  layer: L.Path;
  prev: DrawNode | null;
  next: DrawNode | null;
}

interface CanvasInternals {
  _initPath(layer: L.Path): void;
  _drawFirst: DrawNode | null;
  _drawLast: DrawNode | null;
}

const canvasProto = L.Canvas.prototype as unknown as CanvasInternals;

function orderOf(layer: L.Path): number {
  return (layer.options as OrderedPathOptions).drawOrder ?? DRAW_ORDER.other;
}

export class OrderedCanvas extends L.Canvas {
  /** Called by Leaflet when a path is added: appends it to the draw list, then moves it back. */
  _initPath(layer: L.Path): void {
    canvasProto._initPath.call(this, layer);
    const self = this as unknown as CanvasInternals;
    const node = (layer as unknown as { _order?: DrawNode })._order;
    if (!node) return;
    const order = orderOf(layer);
    let before = node.prev;
    if (!before || orderOf(before.layer) <= order) return;
    while (before && orderOf(before.layer) > order) before = before.prev;
    // unlink from the tail…
    self._drawLast = node.prev;
    if (node.prev) node.prev.next = null;
    // …and insert after `before`, or at the head
    if (before) {
      node.prev = before;
      node.next = before.next;
      if (before.next) before.next.prev = node;
      before.next = node;
    } else {
      node.prev = null;
      node.next = self._drawFirst;
      if (self._drawFirst) self._drawFirst.prev = node;
      self._drawFirst = node;
    }
  }
}

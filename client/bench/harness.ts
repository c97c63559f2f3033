/**
 * The in-page half of the map benchmark, identical on both pages (import it before anything
 * creates a map). It watches Leaflet from the outside: every map created (an init hook), every
 * canvas redraw (a wrapper around L.Canvas#_redraw, which both pages' renderers inherit) and
 * every layer added. The bench process drives it through `window.__bench`.
 */
import L from 'leaflet';
import { liveUpdate, type LiveUpdate } from './dataset';
import type { Incident } from '@contracts/crisis';

/** Incident markers carry this `drawOrder` on both pages (Vigie's DRAW_ORDER.incidents). */
export const INCIDENT_DRAW_ORDER = 50;
/** Reference layers both pages fetch before the map is complete. */
const REFERENCE_LAYERS = 4;
/** The map is complete after this many frames without a redraw, a pending redraw or a new layer. */
const QUIET_FRAMES = 5;

export interface LoadResult {
  /** ms from navigation start to this module's evaluation: the page's scripts fetched and compiled. */
  scriptStart: number;
  /** ms from navigation start to the end of the first canvas redraw with incident markers. */
  incidentsDrawn: number;
  /** ms from navigation start to the end of the last redraw before the map went quiet, reference layers in. */
  complete: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  /** Canvas redraws up to `complete`. */
  redraws: number;
  /** Incident markers (clusters and single incidents) on the canvas at `complete`. */
  incidentMarkers: number;
}

export interface RunResult {
  updates: number;
  severityUpdates: number;
  moves: number;
  /** Window: first update → last update + settle. */
  windowMs: number;
  /** How late the timer fired the updates (open loop: a late update is not skipped). */
  lateP95: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  redraws: number;
}

export interface BenchApi {
  ready(): Promise<LoadResult>;
  idle(ms: number): Promise<{ frames: number; redraws: number }>;
  run(options: { rate: number; seconds: number; settleMs: number }): Promise<RunResult>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const scriptStart = performance.now();

// ------------------------------------------------------------------ watching Leaflet

interface CanvasInternals {
  _redraw: (this: CanvasInternals) => void;
  _redrawRequest: number | null;
  _layers: Record<string, L.Layer>;
}

const maps: L.Map[] = [];
let redraws = 0;
let lastActivity = 0;
let incidentsDrawnAt = NaN;

const canvasProto = L.Canvas.prototype as unknown as CanvasInternals;
const redraw = canvasProto._redraw;

function hasIncidentMarkers(renderer: CanvasInternals): boolean {
  for (const id in renderer._layers) {
    const options = (renderer._layers[id] as L.Path).options as { drawOrder?: number };
    if (options.drawOrder === INCIDENT_DRAW_ORDER) return true;
  }
  return false;
}

canvasProto._redraw = function (this: CanvasInternals) {
  redraw.call(this);
  redraws++;
  lastActivity = performance.now();
  if (Number.isNaN(incidentsDrawnAt) && hasIncidentMarkers(this)) incidentsDrawnAt = lastActivity;
};

L.Map.addInitHook(function (this: L.Map) {
  maps.push(this);
  this.on('layeradd', () => {
    lastActivity = performance.now();
  });
});

function renderers(): CanvasInternals[] {
  const out: CanvasInternals[] = [];
  for (const map of maps) {
    map.eachLayer((layer) => {
      if (layer instanceof L.Canvas) out.push(layer as unknown as CanvasInternals);
    });
  }
  return out;
}

function incidentMarkers(): number {
  let n = 0;
  for (const r of renderers()) {
    for (const id in r._layers) {
      const options = (r._layers[id] as L.Path).options as { drawOrder?: number };
      if (options.drawOrder === INCIDENT_DRAW_ORDER) n++;
    }
  }
  return n;
}

function referenceLayersLoaded(): boolean {
  const entries = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/api/reference/layers/'));
  return entries.length >= REFERENCE_LAYERS;
}

// ------------------------------------------------------------------ frames and long tasks

const frames: number[] = [];
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => {
  longTasks.push(...list.getEntries());
}).observe({ type: 'longtask', buffered: true });

let onFrame: ((time: number) => void) | null = null;
function frame(time: number) {
  frames.push(time);
  if (frames.length > 20_000) frames.splice(0, 10_000);
  onFrame?.(time);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? NaN
  );
}

function tasksIn(from: number, to: number) {
  const inside = longTasks.filter((t) => t.startTime >= from && t.startTime < to);
  return {
    longTasks: inside.length,
    longTaskMs: inside.reduce((s, t) => s + t.duration, 0),
    longestTaskMs: inside.reduce((m, t) => Math.max(m, t.duration), 0),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------ the API

export function installHarness(apply: (k: number) => LiveUpdate): void {
  let loaded: Promise<LoadResult> | null = null;

  const ready = () =>
    (loaded ??= new Promise<LoadResult>((resolve) => {
      let quiet = 0;
      let seenRedraws = redraws;
      let seenActivity = lastActivity;
      onFrame = () => {
        const busy =
          redraws !== seenRedraws ||
          lastActivity !== seenActivity ||
          renderers().some((r) => r._redrawRequest !== null);
        seenRedraws = redraws;
        seenActivity = lastActivity;
        const started = !Number.isNaN(incidentsDrawnAt) && referenceLayersLoaded();
        quiet = busy || !started ? 0 : quiet + 1;
        if (quiet < QUIET_FRAMES) return;
        onFrame = null;
        const complete = lastActivity;
        resolve({
          scriptStart,
          incidentsDrawn: incidentsDrawnAt,
          complete,
          ...tasksIn(0, complete + 1),
          redraws,
          incidentMarkers: incidentMarkers(),
        });
      };
    }));

  window.__bench = {
    ready,

    async idle(ms) {
      const f0 = frames.length;
      const r0 = redraws;
      await sleep(ms);
      return { frames: frames.length - f0, redraws: redraws - r0 };
    },

    async run({ rate, seconds, settleMs }) {
      await ready();
      const count = Math.round(rate * seconds);
      const interval = 1000 / rate;
      const late: number[] = [];
      let severityUpdates = 0;
      let moves = 0;
      const r0 = redraws;
      const firstFrame = frames.length;
      const start = performance.now();
      await new Promise<void>((resolve) => {
        let k = 0;
        const tick = () => {
          const due = start + k * interval;
          late.push(performance.now() - due);
          const u = apply(k);
          if (u.severity) severityUpdates++;
          if (u.moved) moves++;
          k++;
          if (k >= count) resolve();
          else setTimeout(tick, Math.max(0, start + k * interval - performance.now()));
        };
        tick();
      });
      await sleep(settleMs);
      const end = performance.now();
      const times = frames.slice(firstFrame).filter((t) => t >= start && t <= end);
      const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
      return {
        updates: count,
        severityUpdates,
        moves,
        windowMs: end - start,
        lateP95: percentile(late, 95),
        frames: times.length,
        frameP50: percentile(gaps, 50),
        frameP95: percentile(gaps, 95),
        frameMax: gaps.length ? Math.max(...gaps) : NaN,
        ...tasksIn(start, end),
        redraws: redraws - r0,
      };
    },
  };
}

/** The update stream over a list the page keeps itself (the bare page). */
export function applyTo(incidents: Incident[], k: number): LiveUpdate {
  const u = liveUpdate(k, incidents);
  incidents[u.index] = u.incident;
  return u;
}

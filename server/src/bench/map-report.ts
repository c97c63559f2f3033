/** The map scenario's printout (issue 4 benchmark; perf.md G9, G10), in the bench's style. */
import type { MapResults } from './map-bench';
import { goal, row as ratioRow, table } from './report';
import { median, type Paired } from './stats';

const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** A row of the table; no ratio when a baseline round measured 0 (e.g. no long task). */
function row(label: string, p: Paired, unit: string): string[] {
  const cells = ratioRow(label, p, unit);
  if (p.baseline.some((b) => b === 0)) cells[3] = 'n/a (baseline 0)';
  return cells;
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length ? entries.map(([k, n]) => `${k} ×${n}`).join(', ') : 'none';
}

export function printMapReport(r: MapResults): void {
  const { plan, rounds: m, react, updates: u } = r;
  const perUpdate = (n: number) => (n / react.updates).toFixed(2);
  const rendered = react.rendersDuringUpdates;
  const renderedTypes = rendered.length;
  const incidentsLayer = rendered.find(([name]) => name.includes('IncidentsLayer'))?.[1] ?? 0;
  const longest = median(m.loadLongestTask.vigie);
  const busy = median(m.busyPerUpdate.vigie);
  const markerTypes = react.markerComponentTypes;
  const byName = react.census.byName;
  const out = [
    '',
    `Map (issue 4): ${r.browser}.`,
    `Protocol: bare Leaflet (baseline) and Vigie interleaved B,V × ${plan.rounds} after one warm-up of each, a fresh ` +
      'browser context (page, cache, renderer) per round; values are medians of the rounds; ratio = median of the ' +
      'per-round ratios Vigie ÷ baseline [min–max]. Pages built with Vite from client/bench ' +
      `(${r.buildSeconds.toFixed(1)} s), served with the reference layers by a node http server in this process.`,
    `Data: ${plan.incidents.toLocaleString('en')} synthetic point incidents (fixed seed, Puy-de-Dôme bbox, 40 % around ` +
      `8 towns), view of the console (zoom 9). Updates: ${plan.rate}/s for ${plan.seconds} s = ${u.count}, open loop ` +
      `(timer lateness p95 ${num(u.lateP95)} ms), each a new status; ${u.severity} also a new severity, ${u.moves} a move.`,
    '',
    table([
      ['metric', 'baseline', 'vigie', 'ratio'],
      row('9a  first render: navigation → incidents drawn', m.incidentsDrawn, 'ms'),
      row('      of which navigation → page scripts start', m.scriptStart, 'ms'),
      row('9b  navigation → map complete (reference layers in)', m.complete, 'ms'),
      row('      main-thread CPU until complete (CDP)', m.loadBusy, 'ms'),
      row('      of which script', m.loadScript, 'ms'),
      row('      long tasks until complete, total', m.loadLongTaskMs, 'ms'),
      row('      longest task', m.loadLongestTask, 'ms'),
      row('      JS heap after load', m.heapMB, 'MB'),
      row('      incident markers drawn (clusters + single)', m.incidentMarkers, ''),
      row(`10a live updates: script per update (${u.count} updates)`, m.scriptPerUpdate, 'ms'),
      row('10b main-thread CPU per update', m.busyPerUpdate, 'ms'),
      row('      main-thread CPU before the updates, idle', m.idleBusyPerSecond, 'ms/s'),
      row('      frame interval p95 during updates', m.frameP95, 'ms'),
      row('      frame interval max during updates', m.frameMax, 'ms'),
      row('      long tasks during updates, total', m.updateLongTaskMs, 'ms'),
      row('      canvas redraws per update', m.redrawsPerUpdate, ''),
    ]),
    '',
    `React (Vigie page built with React's profiling build and a commit probe, one pass of the same ${react.updates} updates):`,
    `  <Profiler id="map-view"> onRender at load: ${counts(react.profiler.load)}; ` +
      `during the updates: ${counts(react.profiler.updates)}.`,
    `  commits during the updates: ${react.commitsDuringUpdates} (${perUpdate(react.commitsDuringUpdates)} per update), ` +
      `components mounted: ${react.mountsDuringUpdates}; memo(IncidentsLayer) rendered ${perUpdate(incidentsLayer)}× per update.`,
    `  components rendered per update (${renderedTypes} types; ${react.census.components} component fibers in the tree, ` +
      `${react.census.hosts} DOM nodes under React): ` +
      rendered.map(([name, n]) => `${name} ${perUpdate(n)}`).join(', ') +
      '.',
    `  per-marker component types (≥ ${plan.markerComponentThreshold} instances): ` +
      (markerTypes.length
        ? markerTypes.map(([name, n]) => `${name} ×${n}`).join(', ')
        : `none (most instances of one type: ${byName[0]?.[0] ?? '-'} ×${byName[0]?.[1] ?? 0})`) +
      '.',
    `  React commits that touched unchanged markers: ${react.commitsTouchingMarkers}` +
      (markerTypes.length
        ? '.'
        : ' (no component per marker: the incidents are canvas paths kept by IncidentsEngine, which restyles ' +
          'or replaces only the markers whose incident or cluster changed).'),
    '',
    'Baseline: client/bench/bare-map.ts, the same map in plain Leaflet without React: same view, renderer options,',
    '  panes and reference layers (same routes and files), same supercluster settings (radius 60, zoom 5–15, max',
    '  severity per cluster), canvas circle markers with the same colours and text; an update restyles the drawn',
    '  marker in place, and a move or new severity rebuilds the index at most every 250 ms (as Vigie) and replaces',
    '  only the markers whose cluster changed. Vigie: client/bench/vigie-app.tsx mounts the real MapView with the',
    "  app's query client; each update is a new array with one new incident object, as the console's cache gives.",
    '9a: end of the first canvas redraw holding incident markers ("scripts start": the bench harness, first module',
    '  of both pages, runs: the bundle is fetched and compiled); 9b: end of the last redraw or layer addition',
    '  before 5 quiet frames, the 4 reference layers fetched. CDP figures are CPU time of the renderer main thread',
    '  (Performance.getMetrics in thread ticks: TaskDuration, ScriptDuration; robust to the noisy shared machine),',
    '  from navigation to 9b and over the update window (first update → last + 400 ms). 10b is all main-thread',
    '  work in that window ÷ updates: it includes what either page costs when idle (frames; GC that follows the',
    '  load: the "idle" row), which pulls its ratio towards 1. Timings 9a/9b and frames are wall clock.',
    '',
    'Goals from perf.md §4 (FAIL only if the median ratio misses AND a majority of pairs miss; exit code 0 either way):',
    goal('G9 first render, navigation → incidents drawn,', m.incidentsDrawn, 1.5, 'atMost'),
    goal('G9 (whole map) navigation → map complete,', m.complete, 1.5, 'atMost'),
    `  ${longest <= 200 ? 'PASS' : 'FAIL'}  G9 absolute guard, no long task > 200 ms during load: longest ${num(longest)} ms ` +
      `(baseline ${num(median(m.loadLongestTask.baseline))} ms)`,
    goal('G10 scripting per update', m.scriptPerUpdate, 2, 'atMost'),
    goal('G10 main-thread CPU per update', m.busyPerUpdate, 2, 'atMost'),
    `  ${busy <= 16 ? 'PASS' : 'FAIL'}  G10 absolute guard, per update ≤ 16 ms: ${num(busy)} ms ` +
      '(the mean main-thread CPU per update; a per-update p95 is not measured)',
    `  ${react.commitsTouchingMarkers === 0 ? 'PASS' : 'FAIL'}  G10 React commits touching unchanged markers = 0: ` +
      `${react.commitsTouchingMarkers}`,
    ...(r.errors.length ? ['', 'Page console errors:', ...r.errors.map((e) => `  ${e}`)] : []),
    '',
    `Map scenario: ${r.seconds.toFixed(1)} s.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/**
 * The Vigie side of the map benchmark: the real MapView (client/src/features/map), with the app's
 * query client, fed 10,000 incidents and then the live update stream the way the console page
 * feeds it (a new array in which one incident is a new object, as a socket event patched into the
 * TanStack Query cache gives). Reference layers come from the bench's HTTP server.
 */
import '@/lib/zod-config';
import type { Incident } from '@contracts/crisis';
import { QueryClientProvider } from '@tanstack/react-query';
import { Profiler, StrictMode, useEffect, useState, type ProfilerOnRenderCallback } from 'react';
import type { createRoot as CreateRoot } from 'react-dom/client';
import { createQueryClient } from '@/app/query-client';
import { MapView } from '@/features/map/map-view';
import { liveUpdate, makeIncidents } from './dataset';
import { installHarness } from './harness';

const NONE: never[] = [];
const noop = () => {};

let setIncidents: ((next: Incident[]) => void) | null = null;
let current: Incident[] = [];

function BenchMap({ initial }: { initial: Incident[] }) {
  const [incidents, set] = useState(initial);
  useEffect(() => {
    setIncidents = set;
    return () => {
      setIncidents = null;
    };
  }, []);
  return (
    <MapView
      incidents={incidents}
      features={NONE}
      tasks={NONE}
      selectedIncidentId={null}
      onSelectIncident={noop}
      selectedFeatureId={null}
      onSelectFeature={noop}
      placingIncident={false}
      onPlaceIncident={noop}
      canDraw
      onFeatureDrawn={noop}
      focus={null}
    />
  );
}

export function mountVigie(
  createRoot: typeof CreateRoot,
  onRender: ProfilerOnRenderCallback,
): void {
  current = makeIncidents();
  installHarness((k) => {
    // as a socket handler patching the query cache: a new array, one new incident object
    const u = liveUpdate(k, current);
    const next = current.slice();
    next[u.index] = u.incident;
    current = next;
    setIncidents?.(next);
    return u;
  });
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  const queryClient = createQueryClient();
  createRoot(container).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <Profiler id="map-view" onRender={onRender}>
          <BenchMap initial={current} />
        </Profiler>
      </QueryClientProvider>
    </StrictMode>,
  );
}

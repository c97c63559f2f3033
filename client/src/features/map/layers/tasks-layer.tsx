import type { Incident, Task } from '@contracts/crisis';
import L from 'leaflet';
import { memo, useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { incidentAnchor } from '../lib/geometry';
import { openTaskCounts } from '../lib/tasks';
import { ensurePane, PANES } from '../leaflet/panes';

interface TasksLayerProps {
  tasks: readonly Task[];
  incidents: readonly Incident[];
}

interface Badge {
  marker: L.Marker;
  count: number;
  location: Incident['location'];
}

function badgeIcon(count: number): L.DivIcon {
  const chip = document.createElement('span');
  chip.className = 'vigie-task-badge__chip';
  chip.textContent = String(count);
  return L.divIcon({ className: 'vigie-task-badge', html: chip, iconSize: [0, 0] });
}

/** A badge with the number of open tasks at each incident that has some (DOM; a few dozen at most). */
export const TasksLayer = memo(function TasksLayer({ tasks, incidents }: TasksLayerProps) {
  const map = useMap();
  const [state] = useState(() => ({ group: L.layerGroup(), badges: new Map<string, Badge>() }));

  useEffect(() => {
    ensurePane(map, PANES.badges);
    state.group.addTo(map);
    return () => {
      state.group.clearLayers().remove();
      state.badges.clear();
    };
  }, [map, state]);

  useEffect(() => {
    const counts = openTaskCounts(tasks);
    const byId = new Map<string, Incident>();
    for (const incident of incidents) if (counts.has(incident.id)) byId.set(incident.id, incident);
    for (const [id, badge] of state.badges) {
      if (!byId.has(id)) {
        state.group.removeLayer(badge.marker);
        state.badges.delete(id);
      }
    }
    for (const [id, incident] of byId) {
      const count = counts.get(id) ?? 0;
      const [lon, lat] = incidentAnchor(incident.location);
      const badge = state.badges.get(id);
      if (!badge) {
        const marker = L.marker([lat, lon], {
          icon: badgeIcon(count),
          pane: PANES.badges.name,
          interactive: false,
          keyboard: false,
        });
        state.badges.set(id, { marker, count, location: incident.location });
        state.group.addLayer(marker);
        continue;
      }
      if (badge.count !== count) {
        badge.marker.setIcon(badgeIcon(count));
        badge.count = count;
      }
      if (badge.location !== incident.location) {
        badge.marker.setLatLng([lat, lon]);
        badge.location = incident.location;
      }
    }
  }, [tasks, incidents, state]);

  return null;
});

/**
 * Leaflet set-up shared by the whole map, imported first by map-view.tsx:
 * - leaflet-geoman reads the global `L` when it is evaluated, so it is imported here, after
 *   Leaflet (which sets `window.L` itself); geoman's opt-in mode keeps it from attaching editing
 *   handlers to every layer we create (10,000 incident markers must stay plain);
 * - the default marker images are bundled by Vite (the CSP allows only 'self' and data: images).
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';

// Leaflet guesses the image folder from its CSS, which a bundler renames: give the URLs instead.
delete (L.Icon.Default.prototype as { _getIconUrl?: unknown })._getIconUrl;
L.Icon.Default.mergeOptions({ iconRetinaUrl, iconUrl, shadowUrl });

L.PM.setOptIn(true);

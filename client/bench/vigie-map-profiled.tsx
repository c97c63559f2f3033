/**
 * The Vigie page that counts React commits: React's profiling build (so that `<Profiler>` reports)
 * and the commit probe, installed before react-dom loads. Not timed against the baseline.
 */
import './react-probe';
import './harness';
import { createRoot } from 'react-dom/profiling';
import { onProfilerRender } from './react-probe';
import { mountVigie } from './vigie-app';

if (!window.__reactProbe?.injected) throw new Error('React did not report to the commit probe');
mountVigie(createRoot, onProfilerRender);

/** The timed Vigie page: React's production build, nothing watching React. */
import './harness';
import { createRoot } from 'react-dom/client';
import { mountVigie } from './vigie-app';

mountVigie(createRoot, () => {});

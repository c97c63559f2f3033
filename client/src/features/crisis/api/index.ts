// Registers the socket event handlers of the console's caches (side effect, once).
import './events';

export * from './cod';
export * from './crises';
export * from './features';
export * from './incidents';
export * from './logbook';
export * from './services';
export * from './summary';
export * from './tasks';
export { crisisKeys } from './keys';
export type { Listed } from './list-cache';

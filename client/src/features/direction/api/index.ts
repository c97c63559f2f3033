// Registers the overview's refresh on socket events (side effect, once).
import './events';

export * from './direction';
export * from './push';
export { directionKeys } from './keys';

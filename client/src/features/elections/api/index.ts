// Registers the socket event handler of the elections caches (side effect, once).
import './events';

export * from './elections';
export { electionKeys } from './keys';

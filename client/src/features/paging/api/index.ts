// Registers the socket event handlers of the paging caches (side effect, once).
import './events';

export * from './directory';
export * from './pages';
export { pagingKeys } from './keys';
export { removeReceivedPage, useReceivedPages, type ReceivedPage } from './received';

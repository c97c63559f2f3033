import './events';

export * from './interventions';
export { downloadFile } from './download';
export { clearNotices, getNotices, subscribeNotices, type Notice } from './notices';

import { CHANNEL_LABELS, type Channel, type PageSeverity } from '../contracts/paging';
import { SEVERITY_LABELS } from './message';

function duration(sec: number): string {
  if (sec < 60) return `${sec} s`;
  if (sec < 3600) return `${Math.round(sec / 60)} min`;
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Main courante line of a page sent. */
export function pageSentText(
  page: { title: string; severity: PageSeverity; channels: Channel[]; ackRequired: boolean; escalateAfterSec: number },
  targets: number,
): string {
  const channels = page.channels.map((c) => CHANNEL_LABELS[c]).join(', ');
  const ack = page.ackRequired ? `acquittement demandé, escalade après ${duration(page.escalateAfterSec)}` : 'sans acquittement';
  return `Alerte « ${page.title} » (${SEVERITY_LABELS[page.severity].toLowerCase()}) envoyée à ${targets} destinataire${targets > 1 ? 's' : ''} par ${channels} ; ${ack}.`;
}

export function repageText(title: string, targets: number): string {
  return `Relance de l’alerte « ${title} » vers ${targets} destinataire${targets > 1 ? 's' : ''} sans acquittement.`;
}

export function escalationText(title: string, targetName: string, next: { deputyName: string } | 'duty_officers'): string {
  const then = next === 'duty_officers' ? 'officiers de permanence SIDPC alertés' : `${next.deputyName} (suppléant ou astreinte suivante) alerté`;
  return `Escalade de l’alerte « ${title} » : ${targetName} n’a pas acquitté ; ${then}.`;
}

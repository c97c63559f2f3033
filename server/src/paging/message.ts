import { escapeHtml } from '../common/html';
import type { PageSeverity } from '../contracts/paging';

/** What every rendering of a page needs; built by the delivery processor from the rows. */
export interface PageMessageInput {
  title: string;
  message: string;
  severity: PageSeverity;
  exercise: boolean;
  ackRequired: boolean;
  sentAt: Date;
  /** The paged person (or, for a duty alert, the officer told). */
  recipientName: string;
  /** Signed acknowledgement link, when an acknowledgement is asked. */
  ackLink: string | null;
  /** Code to quote in an SMS reply (`OK 1234`). */
  replyCode: string | null;
}

/** A target did not acknowledge: what the duty officers are told. */
export interface DutyAlertInput {
  title: string;
  severity: PageSeverity;
  exercise: boolean;
  sentAt: Date;
  targetName: string;
  targetFunction: string;
  targetVia: string[];
  phones: string[];
  deputyName: string | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** SMS body (the gateway concatenates long messages). */
  sms: string;
  /** Text read by the gateway's voice synthesis. */
  speech: string;
  push: { title: string; body: string; url: string | null; tag: string; requireInteraction: boolean };
}

export const SEVERITY_LABELS: Record<PageSeverity, string> = {
  information: 'Information',
  alerte: 'Alerte',
  crise: 'Crise',
};

const SENDER = 'Préfecture du Puy-de-Dôme';
const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});

export function formatParisTime(date: Date): string {
  return dateFormat.format(date).replace(' ', ' à ');
}

function prefix(exercise: boolean): string {
  return exercise ? 'EXERCICE – ' : '';
}

function htmlBody(lines: { heading: string; paragraphs: string[]; link: { href: string; label: string } | null; footer: string }, exercise: boolean): string {
  const banner = exercise
    ? '<p style="background:#fff3cd;border:2px solid #b34000;padding:8px;font-weight:bold">EXERCICE – EXERCICE – EXERCICE</p>'
    : '';
  const paragraphs = lines.paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  const link = lines.link
    ? `<p><a href="${escapeHtml(lines.link.href)}" style="display:inline-block;background:#000091;color:#fff;padding:10px 16px;text-decoration:none">${escapeHtml(lines.link.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="fr"><body style="font-family:Marianne,Arial,sans-serif">${banner}<h1 style="font-size:1.3em">${escapeHtml(lines.heading)}</h1>${paragraphs}${link}<p style="color:#555;font-size:.9em">${escapeHtml(lines.footer)}</p></body></html>`;
}

/** A page as e-mail, SMS, voice and push: severity, EXERCICE prefix, acknowledgement instructions. */
export function renderPage(input: PageMessageInput): RenderedMessage {
  const severity = SEVERITY_LABELS[input.severity];
  const head = `${prefix(input.exercise)}[${severity.toUpperCase()}] ${input.title}`;
  const when = formatParisTime(input.sentAt);
  const ackText = input.ackRequired
    ? [
        input.ackLink ? `Accusez réception : ${input.ackLink}` : null,
        input.replyCode ? `ou répondez « OK ${input.replyCode} » par SMS.` : null,
      ]
        .filter(Boolean)
        .join('\n')
    : '';
  const footer = `Envoyé par Vigie – ${SENDER} (SIDPC), le ${when}, à ${input.recipientName}.`;
  const text = [
    input.exercise ? 'EXERCICE – EXERCICE – EXERCICE\n' : null,
    `${severity} – ${input.title}`,
    '',
    input.message,
    '',
    ackText || null,
    '',
    footer,
  ]
    .filter((l) => l !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const smsAck = input.ackRequired
    ? `\nAccusez réception${input.ackLink ? ` : ${input.ackLink}` : ''}${input.replyCode ? ` ou répondez OK ${input.replyCode}` : ''}`
    : '';
  return {
    subject: head,
    text,
    html: htmlBody(
      {
        heading: `${severity} – ${input.title}`,
        paragraphs: [input.message, ...(input.ackRequired && input.replyCode ? [`Vous pouvez aussi répondre « OK ${input.replyCode} » au SMS.`] : [])],
        link: input.ackRequired && input.ackLink ? { href: input.ackLink, label: 'Confirmer la réception' } : null,
        footer,
      },
      input.exercise,
    ),
    sms: `${prefix(input.exercise)}${severity.toUpperCase()} ${SENDER} : ${input.title}\n${input.message}${smsAck}`,
    speech: [
      `Message de la ${SENDER}.`,
      input.exercise ? 'Ceci est un exercice.' : null,
      `${severity}. ${input.title}.`,
      input.message,
      input.ackRequired ? 'Pour accuser réception, répondez OK par SMS, ou utilisez le lien reçu par SMS ou par courriel.' : null,
      input.exercise ? 'Ceci est un exercice.' : null,
    ]
      .filter(Boolean)
      .join(' '),
    push: {
      title: head,
      body: input.message.length > 240 ? `${input.message.slice(0, 239)}…` : input.message,
      url: input.ackRequired ? input.ackLink : null,
      tag: `vigie-page`,
      requireInteraction: input.severity !== 'information',
    },
  };
}

/** The duty officers' alert: who did not acknowledge, how to reach them. */
export function renderDutyAlert(input: DutyAlertInput): RenderedMessage {
  const head = `${prefix(input.exercise)}[NON ACQUITTÉ] ${input.targetName} – ${input.title}`;
  const who = `${input.targetName} (${input.targetFunction}${input.targetVia.length ? `, ${input.targetVia.join(', ')}` : ''})`;
  const lines = [
    `${who} n'a pas acquitté l'alerte « ${input.title} » (${SEVERITY_LABELS[input.severity].toLowerCase()}) envoyée le ${formatParisTime(input.sentAt)}.`,
    input.deputyName ? `Son suppléant, ${input.deputyName}, a été alerté et n'a pas acquitté non plus.` : 'Aucun suppléant ni personne d’astreinte suivante n’a pu être alerté.',
    input.phones.length ? `À joindre par téléphone : ${input.phones.join(', ')}.` : 'Aucun numéro de téléphone connu.',
  ];
  const text = [input.exercise ? 'EXERCICE – EXERCICE – EXERCICE\n' : null, ...lines].filter((l) => l !== null).join('\n');
  return {
    subject: head,
    text,
    html: htmlBody({ heading: `Non acquitté : ${input.targetName}`, paragraphs: lines, link: null, footer: `Vigie – ${SENDER}` }, input.exercise),
    sms: `${prefix(input.exercise)}NON ACQUITTÉ : ${lines.join(' ')}`,
    speech: `${input.exercise ? 'Exercice. ' : ''}${lines.join(' ')}`,
    push: { title: head, body: lines[0], url: null, tag: 'vigie-duty-alert', requireInteraction: true },
  };
}

/** French texts Vigie writes in the main courante and pages for decisions and points de situation. */
import type { Decision, DecisionUrgency } from '../contracts/direction';

const MAX_QUOTE = 160;

function quote(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `« ${one.length > MAX_QUOTE ? `${one.slice(0, MAX_QUOTE - 1)}…` : one} »`;
}

export function optionsList(options: string[]): string {
  return options.map((o, i) => `${i + 1}. ${o}`).join(' ; ');
}

export function decisionRequestedText(d: Pick<Decision, 'question' | 'options' | 'urgency' | 'context'>): string {
  return [
    `Décision demandée à l'autorité${d.urgency === 'urgente' ? ' (URGENTE)' : ''} : ${quote(d.question)}.`,
    `Options : ${optionsList(d.options)}.`,
    d.context ? `Contexte : ${d.context}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

export function decisionAnsweredText(
  d: Pick<Decision, 'question' | 'options'>,
  answer: { answer: 'approve' | 'reject' | 'more_info'; optionIndex?: number; note?: string },
  byName: string,
): string {
  const note = answer.note ? ` Note : ${answer.note}` : '';
  switch (answer.answer) {
    case 'approve':
      return `Décision de ${byName} sur ${quote(d.question)} : option ${answer.optionIndex! + 1} « ${d.options[answer.optionIndex!]} » approuvée.${note}`;
    case 'reject':
      return `Décision de ${byName} sur ${quote(d.question)} : demande refusée.${note}`;
    case 'more_info':
      return `${byName} demande un complément avant de décider sur ${quote(d.question)}.${note}`;
  }
}

export function decisionComplementText(question: string, note: string): string {
  return `Complément apporté à la demande de décision ${quote(question)} : ${note}`;
}

export function decisionReminderText(question: string, waitingMin: number): string {
  return `Rappel : la décision urgente ${quote(question)} attend une réponse depuis ${waitingMin} min.`;
}

/** The page that tells the authority (title ≤ 160, message ≤ 1400). */
export function decisionPage(
  d: Pick<Decision, 'question' | 'options' | 'context'> & { urgency: DecisionUrgency },
  reminder: boolean,
): { title: string; message: string } {
  const head = reminder ? 'Rappel – décision urgente' : d.urgency === 'urgente' ? 'Décision urgente demandée' : 'Décision demandée';
  const title = `${head} : ${d.question}`;
  const message = [
    d.question,
    `Options : ${optionsList(d.options)}`,
    d.context ? `Contexte : ${d.context}` : null,
    'Répondez dans Vigie, vue Direction (/direction).',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    title: title.length > 160 ? `${title.slice(0, 159)}…` : title,
    message: message.length > 1400 ? `${message.slice(0, 1399)}…` : message,
  };
}

export function sitrepValidatedText(number: number, byName: string): string {
  return `Point de situation n° ${number} validé par ${byName}.`;
}

export function sitrepDiffusedText(number: number, groups: string[], recipients: number): string {
  return `Point de situation n° ${number} diffusé par courriel (PDF joint) à ${recipients} destinataire(s) : ${groups.join(', ')}.`;
}

export function sitrepDueText(number: number, dueAt: string): string {
  return `Rappel à la cellule situation : le point de situation n° ${number} est attendu à ${dueAt}.`;
}

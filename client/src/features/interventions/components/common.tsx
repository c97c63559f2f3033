import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { DueStateDto, Intervention } from '@contracts/interventions';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-client';
import { INTERVENTION_STATUS_LABELS, ti } from '../i18n';

/** `2026-03-14` → `14/03/2026`. */
export function frDate(date: string | null): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

export function StatusBadge({ status }: { status: Intervention['status'] }) {
  if (status === 'classee')
    return (
      <Badge small noIcon>
        {INTERVENTION_STATUS_LABELS[status]}
      </Badge>
    );
  return (
    <Badge small noIcon severity={status === 'repondue' ? 'success' : 'info'}>
      {INTERVENTION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function DueBadge({ state }: { state: DueStateDto | null }) {
  if (!state || state === 'on_time') return null;
  const severity = state === 'overdue' ? 'error' : 'warning';
  return (
    <Badge small severity={severity} className={fr.cx('fr-ml-1v')}>
      {ti.dueState[state]}
    </Badge>
  );
}

/** A failed request in French, with the server's details. */
export function ErrorAlert({ error, title = ti.errors.title }: { error: Error; title?: string }) {
  let text: string = ti.errors.generic;
  let details: string[] = [];
  if (isApiError(error)) {
    if (error.status === 403) text = ti.errors.forbidden;
    else if (error.status === 404) text = ti.errors.notFound;
    else text = error.message;
    details = error.details.map((d) => (d.path ? `${d.path} : ${d.message}` : d.message));
  }
  return (
    <Alert
      severity="error"
      small
      className={fr.cx('fr-my-2w')}
      title={title}
      description={
        <>
          <span>{text}</span>
          {details.length > 0 && (
            <ul>
              {details.map((d, i) => (
                <li key={`${i}-${d}`}>{d}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}

/** A DSFR table with its caption. */
export function Table({
  caption,
  head,
  children,
  testId,
}: {
  caption: string;
  head: string[];
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={fr.cx('fr-table', 'fr-table--no-caption')} data-testid={testId}>
      <div className="fr-table__wrapper">
        {/* focusable: a wide table scrolls, and keyboard users must reach it (RGAA, axe) */}
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

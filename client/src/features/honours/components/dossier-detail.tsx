import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useDossier, useTransition } from '../api/honours';
import { useHonoursPermissions } from '../hooks/use-honours-permissions';
import { DISTINCTION_LABELS, DOSSIER_STATUS_LABELS, echelonLabel, th } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { EligibilityPanel } from './eligibility-panel';
import { frDate, frDateTime } from './format';

export function DossierDetail({ base }: { base: string }) {
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  const transition = useTransition(id);
  const { canEdit } = useHonoursPermissions();
  const [note, setNote] = useState('');
  if (dossier.error) return <ApiErrorAlert error={dossier.error} />;
  const d = dossier.data;
  if (!d) return <p>Chargement…</p>;
  const c = d.candidate;
  return (
    <article aria-labelledby="dossier-title">
      <h2 id="dossier-title">
        {d.reference} — {c.civility} {c.lastName.toLocaleUpperCase('fr')} {c.firstName}
      </h2>
      <p>
        {DISTINCTION_LABELS[d.distinction]}, échelon {echelonLabel(d.echelon)} ·{' '}
        <Badge severity="info" noIcon data-testid="dossier-status">
          {DOSSIER_STATUS_LABELS[d.status]}
        </Badge>
      </p>
      <dl className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <dt>{th.detail.bornOn}</dt>
          <dd>{frDate(c.birthDate)}</dd>
          <dt>{th.detail.livesIn}</dt>
          <dd>{c.communeName ?? c.communeInsee}</dd>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <dt>{th.detail.filedAt}</dt>
          <dd>{frDate(d.filedAt)}</dd>
          <dt>{th.detail.promotion}</dt>
          <dd>
            {d.promotionId ? (
              <Link to={`${base}/promotions/${d.promotionId}`}>{frDate(d.promotionDate)}</Link>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>
      <EligibilityPanel result={d.eligibility} warnings={d.warnings} level={3} />

      <section aria-labelledby="actions-title" className="fr-mt-4w">
        <h3 id="actions-title" className="fr-h5">
          {th.detail.actions}
        </h3>
        {!canEdit && <p>{th.detail.readOnly}</p>}
        {canEdit && d.allowed.length > 0 && (
          <>
            <Input
              label={th.detail.note}
              nativeInputProps={{ value: note, onChange: (e) => setNote(e.target.value) }}
            />
            <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
              {d.allowed.map((to) => (
                <li key={to}>
                  <Button
                    priority={
                      ['rejete', 'classe_sans_suite', 'ajourne'].includes(to)
                        ? 'tertiary'
                        : 'primary'
                    }
                    disabled={transition.isPending}
                    onClick={() =>
                      transition.mutate(
                        { to, ...(note.trim() ? { note: note.trim() } : {}) },
                        { onSuccess: () => setNote('') },
                      )
                    }
                  >
                    {th.detail.moveTo(DOSSIER_STATUS_LABELS[to])}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
        {transition.error && <ApiErrorAlert error={transition.error} />}
      </section>

      <section aria-labelledby="history-title" className="fr-mt-4w">
        <h3 id="history-title" className="fr-h5">
          {th.detail.history}
        </h3>
        <div className="fr-table">
          <table>
            <caption>{th.detail.history}</caption>
            <thead>
              <tr>
                {th.detail.historyColumns.map((col) => (
                  <th key={col} scope="col">
                    {col}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.history.map((h, i) => (
                <tr key={i}>
                  <td>{frDateTime(h.at)}</td>
                  <td>{h.from ? DOSSIER_STATUS_LABELS[h.from] : '—'}</td>
                  <td>{DOSSIER_STATUS_LABELS[h.to]}</td>
                  <td>{h.byName}</td>
                  <td>{h.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </article>
  );
}

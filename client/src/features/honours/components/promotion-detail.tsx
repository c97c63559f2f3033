import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { downloadFile, useDossiers, usePromotion, usePromotionAction } from '../api/honours';
import { useHonoursPermissions } from '../hooks/use-honours-permissions';
import {
  DISTINCTION_LABELS,
  DOSSIER_STATUS_LABELS,
  echelonLabel,
  PROMOTION_STATUS_LABELS,
  th,
} from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { frDate } from './format';

const DOCUMENTS = [
  ['arrete.pdf', th.promotions.pdf],
  ['arrete.docx', th.promotions.docx],
  ['diplomas.pdf', th.promotions.diplomas],
  ['letters.pdf', th.promotions.letters],
] as const;

export function PromotionDetail({ base }: { base: string }) {
  const { id = '' } = useParams();
  const promotion = usePromotion(id);
  const dossiers = useDossiers({ promotionId: id });
  const action = usePromotionAction(id);
  const { canEdit } = useHonoursPermissions();
  const [downloadFailed, setDownloadFailed] = useState(false);
  if (promotion.error) return <ApiErrorAlert error={promotion.error} />;
  const p = promotion.data;
  if (!p) return <p>Chargement…</p>;
  const signed = p.status === 'arretee' || p.status === 'publiee';
  return (
    <article aria-labelledby="promotion-title">
      <h2 id="promotion-title">
        {DISTINCTION_LABELS[p.distinction]} — promotion du {frDate(p.date)}
      </h2>
      <p data-testid="promotion-status">
        {PROMOTION_STATUS_LABELS[p.status]}
        {p.cutoff && ` · date limite de dépôt : ${frDate(p.cutoff)}`}
        {p.arreteNumber &&
          p.arreteDate &&
          ` · ${th.promotions.arreteNumber(p.arreteNumber, frDate(p.arreteDate))}`}
      </p>
      <div className="fr-table">
        <table>
          <caption>{th.promotions.echelons}</caption>
          <thead>
            <tr>
              {th.promotions.echelonColumns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.stats.echelons.map((e) => (
              <tr key={e.echelon}>
                <td>{echelonLabel(e.echelon)}</td>
                <td>{e.retained}</td>
                <td>{e.contingent ?? th.promotions.unlimited}</td>
                <td>{e.women}</td>
                <td>{e.men}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {th.promotions.parity(p.stats.parity.women, p.stats.parity.men, p.stats.parity.womenShare)}
      </p>
      {canEdit && (
        <ul className="fr-btns-group fr-btns-group--inline">
          {!signed && (
            <li>
              <Button onClick={() => action.mutate({ kind: 'arrete' })} disabled={action.isPending}>
                {th.promotions.arrete}
              </Button>
            </li>
          )}
          {p.status === 'ouverte' && (
            <li>
              <Button
                priority="secondary"
                onClick={() => action.mutate({ kind: 'update', body: { status: 'close' } })}
              >
                {th.promotions.close}
              </Button>
            </li>
          )}
          {p.status === 'close' && (
            <li>
              <Button
                priority="secondary"
                onClick={() => action.mutate({ kind: 'update', body: { status: 'ouverte' } })}
              >
                {th.promotions.reopen}
              </Button>
            </li>
          )}
          {p.status === 'arretee' && (
            <li>
              <Button priority="secondary" onClick={() => action.mutate({ kind: 'publish' })}>
                {th.promotions.publish}
              </Button>
            </li>
          )}
        </ul>
      )}
      {action.error && <ApiErrorAlert error={action.error} />}
      {signed && (
        <section aria-labelledby="documents-title">
          <h3 id="documents-title" className="fr-h5">
            {th.promotions.documents}
          </h3>
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            {DOCUMENTS.map(([file, label]) => (
              <li key={file}>
                <Button
                  priority="tertiary"
                  iconId="fr-icon-download-line"
                  onClick={() => {
                    setDownloadFailed(false);
                    downloadFile(`/api/honours/promotions/${p.id}/${file}`, file).catch(() =>
                      setDownloadFailed(true),
                    );
                  }}
                >
                  {label}
                </Button>
              </li>
            ))}
          </ul>
          {downloadFailed && <Alert severity="error" small description={th.errors.download} />}
        </section>
      )}
      <section aria-labelledby="promotion-dossiers-title" className="fr-mt-4w">
        <h3 id="promotion-dossiers-title" className="fr-h5">
          {th.promotions.retainedList}
        </h3>
        <ul>
          {dossiers.data?.map((d) => (
            <li key={d.id}>
              <Link to={`${base}/dossiers/${d.id}`}>
                {d.reference} — {d.civility} {d.lastName.toLocaleUpperCase('fr')} {d.firstName}
              </Link>{' '}
              ({echelonLabel(d.echelon)}, {DOSSIER_STATUS_LABELS[d.status]})
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

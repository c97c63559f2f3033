import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { DISTINCTIONS, DOSSIER_STATUSES } from '@contracts/honours';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDossiers } from '../api/honours';
import { DISTINCTION_LABELS, DOSSIER_STATUS_LABELS, echelonLabel, th } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { frDate } from './format';

export function DossiersList({ base }: { base: string }) {
  const [distinction, setDistinction] = useState('');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const dossiers = useDossiers({
    distinction,
    status,
    q: q.trim().length >= 2 ? q.trim() : undefined,
  });
  return (
    <section aria-labelledby="dossiers-title">
      <h2 id="dossiers-title">{th.list.title}</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label={th.list.search}
            nativeInputProps={{ value: q, onChange: (e) => setQ(e.target.value), type: 'search' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={th.list.distinction}
            nativeSelectProps={{
              value: distinction,
              onChange: (e) => setDistinction(e.target.value),
            }}
          >
            <option value="">{th.list.all}</option>
            {DISTINCTIONS.map((d) => (
              <option key={d} value={d}>
                {DISTINCTION_LABELS[d]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={th.list.status}
            nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value) }}
          >
            <option value="">{th.list.allStates}</option>
            {DOSSIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DOSSIER_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {dossiers.error && <ApiErrorAlert error={dossiers.error} />}
      {dossiers.data && dossiers.data.length === 0 && <p>{th.list.empty}</p>}
      {dossiers.data && dossiers.data.length > 0 && (
        <div className="fr-table fr-table--no-caption" data-testid="dossiers-table">
          <table>
            <caption>{th.list.caption(dossiers.data.length)}</caption>
            <thead>
              <tr>
                {th.list.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dossiers.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`${base}/dossiers/${d.id}`}>{d.reference}</Link>
                  </td>
                  <td>
                    {d.civility} {d.lastName.toLocaleUpperCase('fr')} {d.firstName}
                  </td>
                  <td>{d.communeName ?? '—'}</td>
                  <td>{DISTINCTION_LABELS[d.distinction]}</td>
                  <td>{echelonLabel(d.echelon)}</td>
                  <td>{frDate(d.promotionDate)}</td>
                  <td>{d.eligible ? th.list.yes : th.list.no}</td>
                  <td>
                    <Badge
                      small
                      severity={
                        d.status === 'rejete' ? 'error' : d.status === 'retenu' ? 'success' : 'info'
                      }
                      noIcon
                    >
                      {DOSSIER_STATUS_LABELS[d.status]}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

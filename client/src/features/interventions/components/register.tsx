import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { INTERVENTION_STATUSES } from '@contracts/interventions';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInterventions, type InterventionFilters } from '../api';
import { INTERVENTION_STATUS_LABELS, INTERVENTION_THEME_LABELS, ti } from '../i18n';
import type { InterventionPermissions } from '../permissions';
import { DueBadge, ErrorAlert, frDate, StatusBadge, Table } from './common';

/** The register with its filters; each reference opens the intervention. */
export function Register({ can }: { can: InterventionPermissions }) {
  const [filters, setFilters] = useState<InterventionFilters>({ open: true });
  const list = useInterventions(filters);
  const set = (patch: Partial<InterventionFilters>) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <section aria-labelledby="register-title">
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--middle', 'fr-mb-2w')}>
        <h2 id="register-title" className={fr.cx('fr-h4', 'fr-col', 'fr-mb-0')}>
          {ti.tabs.register}
        </h2>
        {can.edit && (
          <Button iconId="fr-icon-add-line" linkProps={{ to: '/cabinet/interventions/nouvelle' }}>
            {ti.newIntervention}
          </Button>
        )}
      </div>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md')}>{ti.filters.legend}</legend>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-3')}>
          <Select
            label={ti.filters.status}
            nativeSelectProps={{
              value: filters.status ?? '',
              onChange: (e) => set({ status: e.target.value || undefined }),
            }}
          >
            <option value="">{ti.filters.all}</option>
            {INTERVENTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {INTERVENTION_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-5')}>
          <Input
            label={ti.filters.q}
            nativeInputProps={{
              type: 'search',
              value: filters.q ?? '',
              onChange: (e) => set({ q: e.target.value }),
            }}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element', 'fr-col-12', 'fr-col-md-4')}>
          <Checkbox
            small
            options={[
              {
                label: ti.filters.open,
                nativeInputProps: {
                  checked: !!filters.open,
                  onChange: (e) => set({ open: e.target.checked }),
                },
              },
              {
                label: ti.filters.overdue,
                nativeInputProps: {
                  checked: !!filters.overdue,
                  onChange: (e) => set({ overdue: e.target.checked }),
                },
              },
            ]}
          />
        </div>
      </fieldset>
      {list.error ? (
        <>
          <ErrorAlert error={list.error} />
          <Button priority="secondary" onClick={() => void list.refetch()}>
            {ti.retry}
          </Button>
        </>
      ) : list.isPending ? (
        <p role="status">{ti.loading}</p>
      ) : list.data.data.length === 0 ? (
        <p data-testid="interventions-empty">{ti.empty}</p>
      ) : (
        <Table
          caption={ti.caption}
          testId="interventions-table"
          head={[
            ti.cols.reference,
            ti.cols.received,
            ti.cols.official,
            ti.cols.beneficiary,
            ti.cols.theme,
            ti.cols.subject,
            ti.cols.service,
            ti.cols.due,
            ti.cols.status,
          ]}
        >
          {list.data.data.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/cabinet/interventions/${i.id}`}>{i.reference}</Link>
              </td>
              <td>{frDate(i.receivedOn)}</td>
              <td>{i.official ? i.official.name : ti.confidentialOfficial}</td>
              <td>{i.beneficiaryName}</td>
              <td>{INTERVENTION_THEME_LABELS[i.theme]}</td>
              <td>{i.subject}</td>
              <td>{i.serviceName ?? '—'}</td>
              <td>
                {frDate(i.dueDate)}
                <DueBadge state={i.dueState} />
              </td>
              <td>
                <StatusBadge status={i.status} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

import { fr } from '@codegouvfr/react-dsfr';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useCommunes, type YearRange } from '../api';
import { trs } from '../i18n';

interface Props {
  years: number[];
  value: YearRange;
  onChange: (next: YearRange) => void;
  withCommune?: boolean;
}

/** Year range and commune of a dashboard or map. */
export function RangeFilters({ years, value, onChange, withCommune = true }: Props) {
  const communes = useCommunes();
  const f = trs.filters;
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
        <Select
          label={f.from}
          nativeSelectProps={{
            value: value.from ?? '',
            onChange: (e) =>
              onChange({ ...value, from: e.target.value ? Number(e.target.value) : undefined }),
          }}
        >
          <option value="">—</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
        <Select
          label={f.to}
          nativeSelectProps={{
            value: value.to ?? '',
            onChange: (e) =>
              onChange({ ...value, to: e.target.value ? Number(e.target.value) : undefined }),
          }}
        >
          <option value="">—</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
      {withCommune && (
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Select
            label={f.commune}
            nativeSelectProps={{
              value: value.commune ?? '',
              onChange: (e) => onChange({ ...value, commune: e.target.value || undefined }),
            }}
          >
            <option value="">{f.all}</option>
            {(communes.data ?? []).map((c) => (
              <option key={c.insee} value={c.insee}>
                {c.name} ({c.insee})
              </option>
            ))}
          </Select>
        </div>
      )}
    </div>
  );
}

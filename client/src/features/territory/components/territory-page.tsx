import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { CommuneTerritory, ElectedOfficial } from '@contracts/territory';
import { useDeferredValue, useMemo, useState } from 'react';
import { routineModule } from '@/features/routine/modules';
import { formatNumber } from '@/lib/format';
import { t } from '@/lib/i18n';
import { useOfficialsToInform, useTerritory } from '../api/territory';
import { FORCE_LABELS } from './competent-force';

const module = routineModule('territory');
const MAX_ROWS = 60;

/** « Saint-Éloy » matches « saint eloy ». */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ');

/** The territorial reference: find a commune, see its canton, circonscription, EPCI, force and élus. */
export function TerritoryPage() {
  const territory = useTerritory();
  const [query, setQuery] = useState('');
  const [epci, setEpci] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const communes = useMemo(() => territory.data ?? [], [territory.data]);
  const epcis = useMemo(
    () =>
      [...new Map(communes.flatMap((c) => (c.epci ? [[c.epci.siren, c.epci]] : []))).values()].sort(
        (a, b) => a.name.localeCompare(b.name, 'fr'),
      ),
    [communes],
  );
  const matches = useMemo(() => {
    const q = fold(deferred.trim());
    return communes.filter(
      (c) =>
        (!epci || c.epci?.siren === epci) &&
        (!q || fold(c.name).includes(q) || c.insee.startsWith(q)),
    );
  }, [communes, deferred, epci]);
  const current = communes.find((c) => c.insee === selected) ?? null;

  return (
    <>
      <title>{t.app.documentTitle(module.title)}</title>
      <h1>{module.title}</h1>
      <p>{module.description}</p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Commune ou code INSEE"
            nativeInputProps={{
              value: query,
              onChange: (e) => setQuery(e.target.value),
              type: 'search',
              autoComplete: 'off',
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Intercommunalité (EPCI)"
            nativeSelectProps={{ value: epci, onChange: (e) => setEpci(e.target.value) }}
          >
            <option value="">Toutes</option>
            {epcis.map((e) => (
              <option key={e.siren} value={e.siren}>
                {e.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {territory.isPending && <p>Chargement du référentiel…</p>}
      {territory.isError && (
        <p className={fr.cx('fr-error-text')}>Le référentiel n’a pas pu être chargé.</p>
      )}
      {territory.data && (
        <p className={fr.cx('fr-text--sm')} aria-live="polite">
          {matches.length} commune{matches.length > 1 ? 's' : ''}
          {matches.length > MAX_ROWS ? ` (les ${MAX_ROWS} premières affichées)` : ''}
        </p>
      )}
      <div className={fr.cx('fr-table', 'fr-table--no-caption')}>
        <table>
          <caption>Communes du Puy-de-Dôme</caption>
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col">Population</th>
              <th scope="col">Canton</th>
              <th scope="col">Circonscription</th>
              <th scope="col">EPCI</th>
              <th scope="col">Force compétente</th>
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, MAX_ROWS).map((c) => (
              <tr key={c.insee}>
                <th scope="row">
                  <button
                    type="button"
                    className={fr.cx('fr-link')}
                    onClick={() => setSelected(c.insee)}
                  >
                    {c.name}
                  </button>{' '}
                  <span className={fr.cx('fr-text--xs')}>{c.insee}</span>
                </th>
                <td>{formatNumber(c.population)}</td>
                <td>{c.cantons.map((k) => k.name).join(', ')}</td>
                <td>{c.circonscriptions.map((k) => k.name).join(', ')}</td>
                <td>{c.epci?.name ?? '—'}</td>
                <td>
                  {c.force.unit}{' '}
                  <span className={fr.cx('fr-text--xs')}>({FORCE_LABELS[c.force.kind]})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current && <CommuneOfficials commune={current} />}
    </>
  );
}

const OFFICIAL_GROUPS = [
  ['mayors', 'Maire'],
  ['deputies', 'Députés'],
  ['departmentalCouncillors', 'Conseillers départementaux'],
  ['senators', 'Sénateurs'],
] as const;

function CommuneOfficials({ commune }: { commune: CommuneTerritory }) {
  const officials = useOfficialsToInform([commune.insee]);
  return (
    <section aria-labelledby="vigie-territory-officials" className={fr.cx('fr-mt-4w')}>
      <h2 id="vigie-territory-officials" className={fr.cx('fr-h4')}>
        Élus à informer pour {commune.name}
      </h2>
      <p className={fr.cx('fr-text--sm')}>
        Arrondissement de {commune.arrondissement.name} · {commune.force.zone}
      </p>
      {officials.isPending && <p>Chargement…</p>}
      {officials.isError && (
        <p className={fr.cx('fr-text--sm')}>
          Les élus ne sont visibles que des profils habilités à l’annuaire.
        </p>
      )}
      {officials.data && (
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          {OFFICIAL_GROUPS.map(([key, label]) => (
            <div key={key} className={fr.cx('fr-col-12', 'fr-col-md-6', 'fr-col-lg-3')}>
              <h3 className={fr.cx('fr-h6')}>{label}</h3>
              <OfficialList people={officials.data[key]} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function OfficialList({ people }: { people: ElectedOfficial[] }) {
  if (people.length === 0) return <p className={fr.cx('fr-text--sm')}>Aucun dans l’annuaire.</p>;
  return (
    <ul className={fr.cx('fr-text--sm')}>
      {people.map((p) => (
        <li key={p.contactId}>
          <strong>{p.name}</strong>
          {p.title && <> — {p.title}</>}
          {p.email && (
            <>
              {' '}
              <a href={`mailto:${p.email}`}>{p.email}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

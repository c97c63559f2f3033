import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { CallsPanel } from '@/features/grants/components/calls-panel';
import { ErrorAlert } from '@/features/grants/components/error-alert';
import { frenchDate } from '@/features/grants/lib/format';
import { useDgos } from '../api';
import { trs } from '../i18n';

/** The DGO and its stakes, killed per year against its target, and the PDASR calls. */
export function PdasrPanel({ canEdit }: { canEdit: boolean }) {
  const dgos = useDgos();
  const p = trs.pdasr;
  return (
    <>
      <h2 className={fr.cx('fr-h4')}>{p.dgo}</h2>
      {dgos.error && <ErrorAlert error={dgos.error} title={trs.loadError} />}
      {dgos.data?.length === 0 && <p>{p.noDgo}</p>}
      {dgos.data?.map((d) => (
        <section key={d.id} aria-labelledby={`dgo-${d.id}`}>
          <h3 id={`dgo-${d.id}`} className={fr.cx('fr-h5')}>
            {d.title} ({d.startYear}-{d.endYear})
          </h3>
          {d.adoptedOn && (
            <p className={fr.cx('fr-text--sm')}>Adopté le {frenchDate(d.adoptedOn)}</p>
          )}
          {d.orientations && <p>{d.orientations}</p>}
          <p className={fr.cx('fr-text--bold', 'fr-mb-1w')}>{p.stakes}</p>
          <ul>
            {d.stakes.map((s) => (
              <li key={s.code}>{s.label}</li>
            ))}
          </ul>
          {d.killedByYear.length > 0 && (
            <Table
              caption={p.killedCaption}
              headers={[trs.col.year, trs.col.killed, trs.col.target]}
              data={d.killedByYear.map((k) => [k.year, k.killed, k.target ?? '—'])}
            />
          )}
        </section>
      ))}
      <h2 className={fr.cx('fr-h4', 'fr-mt-4w')}>{p.plan}</h2>
      <CallsPanel fund="pdasr" canEdit={canEdit} />
    </>
  );
}

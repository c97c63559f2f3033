import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { downloadFile, useCeremonies, useCeremonyAction, useDossiers } from '../api/honours';
import { useHonoursPermissions } from '../hooks/use-honours-permissions';
import { DOSSIER_STATUS_LABELS, echelonLabel, th } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { frDateTime } from './format';

/** Ceremonies: recipients whose arrêté is published, invitations, presentation. */
export function CeremoniesPage() {
  const ceremonies = useCeremonies();
  const published = useDossiers({ status: 'publie' });
  const notified = useDossiers({ status: 'notifie' });
  const action = useCeremonyAction();
  const { canEdit } = useHonoursPermissions();
  const [form, setForm] = useState({
    title: '',
    date: '',
    place: '',
    presiding: 'Le préfet du Puy-de-Dôme',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const candidates = [...(published.data ?? []), ...(notified.data ?? [])];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(
      {
        kind: 'create',
        body: {
          ...form,
          date: form.date ? new Date(form.date).toISOString() : '',
          dossierIds: selected,
        },
      },
      { onSuccess: () => setSelected([]) },
    );
  };
  const field = (name: keyof typeof form, type = 'text') => ({
    type,
    value: form[name],
    onChange: (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [name]: e.target.value })),
  });
  return (
    <section aria-labelledby="ceremonies-title">
      <h2 id="ceremonies-title">{th.ceremonies.title}</h2>
      {ceremonies.data?.length === 0 && <p>{th.ceremonies.empty}</p>}
      <ul>
        {ceremonies.data?.map((c) => (
          <li key={c.id} className="fr-mb-2w">
            <strong>{c.title}</strong> — {frDateTime(c.date)}, {c.place} ({c.presiding}) ·{' '}
            {th.ceremonies.recipients(c.recipients.length)} ·{' '}
            {c.status === 'tenue' ? th.ceremonies.held : th.ceremonies.planned}
            <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
              <li>
                <Button
                  priority="tertiary"
                  onClick={() =>
                    void downloadFile(
                      `/api/honours/ceremonies/${c.id}/invitations.pdf`,
                      'invitations.pdf',
                    )
                  }
                >
                  {th.ceremonies.invitations}
                </Button>
              </li>
              {c.kind === 'reception' && (
                <li>
                  <Button
                    priority="tertiary"
                    onClick={() =>
                      void downloadFile(
                        `/api/honours/ceremonies/${c.id}/proces-verbal.pdf`,
                        'proces-verbal.pdf',
                      )
                    }
                  >
                    {th.ceremonies.pv}
                  </Button>
                </li>
              )}
              {canEdit && c.status !== 'tenue' && (
                <li>
                  <Button
                    priority="secondary"
                    onClick={() => action.mutate({ kind: 'held', id: c.id })}
                  >
                    {th.ceremonies.markHeld}
                  </Button>
                </li>
              )}
            </ul>
          </li>
        ))}
      </ul>
      {action.error && <ApiErrorAlert error={action.error} />}
      {canEdit && (
        <form onSubmit={submit} aria-labelledby="ceremony-form-title">
          <h3 id="ceremony-form-title" className="fr-h5">
            {th.ceremonies.new}
          </h3>
          <Input label={th.ceremonies.name} nativeInputProps={field('title')} />
          <Input label={th.ceremonies.date} nativeInputProps={field('date', 'datetime-local')} />
          <Input label={th.ceremonies.place} nativeInputProps={field('place')} />
          <Input label={th.ceremonies.presiding} nativeInputProps={field('presiding')} />
          {candidates.length > 0 ? (
            <Checkbox
              legend={th.ceremonies.choose}
              options={candidates.map((d) => ({
                label: `${d.civility} ${d.lastName.toLocaleUpperCase('fr')} ${d.firstName} — ${echelonLabel(d.echelon)} (${DOSSIER_STATUS_LABELS[d.status]})`,
                nativeInputProps: {
                  checked: selected.includes(d.id),
                  onChange: (e) =>
                    setSelected((s) =>
                      e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id),
                    ),
                },
              }))}
            />
          ) : (
            <p>{th.ceremonies.noCandidate}</p>
          )}
          <Button type="submit" disabled={action.isPending}>
            {th.ceremonies.create}
          </Button>
        </form>
      )}
    </section>
  );
}

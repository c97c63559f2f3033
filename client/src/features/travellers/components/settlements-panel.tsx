import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { SETTLEMENT_STATUS_LABELS, type Settlement } from '@contracts/travellers';
import { useState, type FormEvent } from 'react';
import { localInputToIso } from '@/lib/format';
import { useCreateSettlement, useSettlements } from '../api/travellers';
import { tt } from '../i18n';
import { formatDateTime, timeLeft } from '../lib/format';
import { ErrorDetails, QueryState } from './query-state';

const OPEN = new Set(['constate', 'demande_recue', 'mise_en_demeure', 'recours_pendant']);

function nextDeadline(s: Settlement, now: Date): string {
  if (s.status === 'recours_pendant' && s.appealRulingDeadline)
    return `${tt.settlements.rulingDeadline} ${formatDateTime(s.appealRulingDeadline)}`;
  if (s.status === 'mise_en_demeure' && s.executionDeadline)
    return `${formatDateTime(s.executionDeadline)} (${timeLeft(s.executionDeadline, now)})`;
  return '—';
}

/** Every procedure, open ones first, and the form of a new constat. */
export function SettlementsPanel({
  canEdit,
  onOpen,
}: {
  canEdit: boolean;
  onOpen: (id: string) => void;
}) {
  const settlements = useSettlements();
  const [adding, setAdding] = useState(false);
  const now = new Date();
  return (
    <section data-testid="travellers-settlements">
      <div className="vigie-gdv-head">
        <h2 className={fr.cx('fr-h4', 'fr-mb-0')}>{tt.settlements.title}</h2>
        {canEdit && !adding && (
          <Button iconId="fr-icon-add-line" size="small" onClick={() => setAdding(true)}>
            {tt.settlements.newButton}
          </Button>
        )}
      </div>
      {adding && <NewSettlementForm onDone={() => setAdding(false)} onCreated={onOpen} />}
      <QueryState query={settlements}>
        {(list) =>
          list.length === 0 ? (
            <p>{tt.settlements.none}</p>
          ) : (
            <div className={fr.cx('fr-table', 'fr-table--multiline')}>
              <table>
                <caption>{tt.settlements.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tt.settlements.reference}</th>
                    <th scope="col">{tt.settlements.commune}</th>
                    <th scope="col">{tt.settlements.place}</th>
                    <th scope="col">{tt.settlements.caravans}</th>
                    <th scope="col">{tt.settlements.observed}</th>
                    <th scope="col">{tt.settlements.status}</th>
                    <th scope="col">{tt.settlements.deadline}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => Number(OPEN.has(b.status)) - Number(OPEN.has(a.status)))
                    .map((s) => (
                      <tr key={s.id} data-testid="travellers-settlement" data-status={s.status}>
                        <td>
                          <Button
                            priority="tertiary no outline"
                            size="small"
                            onClick={() => onOpen(s.id)}
                          >
                            {s.reference}
                          </Button>
                        </td>
                        <td>{s.communeName}</td>
                        <td>{s.place}</td>
                        <td>{s.caravans}</td>
                        <td>{formatDateTime(s.observedAt)}</td>
                        <td>
                          <Badge small severity={OPEN.has(s.status) ? 'new' : 'info'}>
                            {SETTLEMENT_STATUS_LABELS[s.status]}
                          </Badge>
                        </td>
                        <td>{nextDeadline(s, now)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}

function NewSettlementForm({
  onDone,
  onCreated,
}: {
  onDone: () => void;
  onCreated: (id: string) => void;
}) {
  const create = useCreateSettlement();
  const [f, setF] = useState({
    communeInsee: '',
    place: '',
    landKind: 'public' as 'public' | 'prive',
    landOwner: '',
    caravans: '10',
    groupName: '',
    observedAt: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        communeInsee: f.communeInsee,
        place: f.place,
        landKind: f.landKind,
        landOwner: f.landOwner || null,
        caravans: Number(f.caravans),
        groupName: f.groupName || null,
        observedAt: localInputToIso(f.observedAt) ?? '',
      },
      {
        onSuccess: (s) => {
          onDone();
          onCreated(s.id);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="vigie-gdv-form" data-testid="travellers-settlement-form">
      <h3 className={fr.cx('fr-h5')}>{tt.settlements.newTitle}</h3>
      <Input
        label={tt.settlements.communeInsee}
        hintText={tt.settlements.communeHint}
        nativeInputProps={{
          value: f.communeInsee,
          onChange: set('communeInsee'),
          inputMode: 'numeric',
          required: true,
        }}
      />
      <Input
        label={tt.settlements.place}
        nativeInputProps={{ value: f.place, onChange: set('place'), required: true }}
      />
      <Select
        label={tt.settlements.landKind}
        nativeSelectProps={{ value: f.landKind, onChange: set('landKind') }}
      >
        <option value="public">{tt.settlements.landPublic}</option>
        <option value="prive">{tt.settlements.landPrivate}</option>
      </Select>
      <Input
        label={tt.settlements.landOwner}
        nativeInputProps={{ value: f.landOwner, onChange: set('landOwner') }}
      />
      <Input
        label={tt.settlements.caravans}
        nativeInputProps={{
          value: f.caravans,
          onChange: set('caravans'),
          type: 'number',
          min: 1,
          required: true,
        }}
      />
      <Input
        label={tt.settlements.groupName}
        nativeInputProps={{ value: f.groupName, onChange: set('groupName') }}
      />
      <Input
        label={tt.settlements.observedAt}
        nativeInputProps={{
          value: f.observedAt,
          onChange: set('observedAt'),
          type: 'datetime-local',
          required: true,
        }}
      />
      <ErrorDetails error={create.error} title={tt.settlements.refused} />
      <div className="vigie-gdv-actions">
        <Button type="submit" disabled={create.isPending}>
          {tt.passages.submit}
        </Button>
        <Button type="button" priority="secondary" onClick={onDone}>
          {tt.passages.cancel}
        </Button>
      </div>
    </form>
  );
}

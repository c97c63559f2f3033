import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Aire } from '@contracts/travellers';
import { useState, type FormEvent } from 'react';
import { useCreatePassage } from '../api/travellers';
import { tt } from '../i18n';
import { ErrorDetails } from './query-state';

/** Records a grand passage; the server answers with its warnings, or 409 on overlapping days. */
export function PassageForm({ aires, onDone }: { aires: Aire[]; onDone: () => void }) {
  const create = useCreatePassage();
  const [f, setF] = useState({
    groupName: '',
    leaderName: '',
    leaderPhone: '',
    caravansAnnounced: '150',
    arrival: '',
    departure: '',
    aireId: aires[0]?.id ?? '',
    noticeReceivedOn: '',
    mayorInformedOn: '',
    conventionSigned: false,
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        groupName: f.groupName,
        leaderName: f.leaderName,
        leaderPhone: f.leaderPhone || null,
        caravansAnnounced: Number(f.caravansAnnounced),
        arrival: f.arrival,
        departure: f.departure,
        aireId: f.aireId || null,
        noticeReceivedOn: f.noticeReceivedOn,
        mayorInformedOn: f.mayorInformedOn || null,
        conventionSigned: f.conventionSigned,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} className="vigie-gdv-form" data-testid="travellers-passage-form">
      <h3 className={fr.cx('fr-h5')}>{tt.passages.formTitle}</h3>
      <Input
        label={tt.passages.group}
        nativeInputProps={{ value: f.groupName, onChange: set('groupName'), required: true }}
      />
      <Input
        label={tt.passages.leader}
        nativeInputProps={{ value: f.leaderName, onChange: set('leaderName'), required: true }}
      />
      <Input
        label={tt.passages.phone}
        nativeInputProps={{ value: f.leaderPhone, onChange: set('leaderPhone'), type: 'tel' }}
      />
      <Input
        label={tt.passages.announced}
        nativeInputProps={{
          value: f.caravansAnnounced,
          onChange: set('caravansAnnounced'),
          type: 'number',
          min: 1,
          required: true,
        }}
      />
      <Input
        label={tt.passages.arrival}
        nativeInputProps={{
          value: f.arrival,
          onChange: set('arrival'),
          type: 'date',
          required: true,
        }}
      />
      <Input
        label={tt.passages.departure}
        nativeInputProps={{
          value: f.departure,
          onChange: set('departure'),
          type: 'date',
          required: true,
        }}
      />
      <Select
        label={tt.passages.aire}
        nativeSelectProps={{ value: f.aireId, onChange: set('aireId') }}
      >
        <option value="">{tt.passages.noAire}</option>
        {aires.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name} ({a.capacity})
          </option>
        ))}
      </Select>
      <Input
        label={tt.passages.noticeReceived}
        nativeInputProps={{
          value: f.noticeReceivedOn,
          onChange: set('noticeReceivedOn'),
          type: 'date',
          required: true,
        }}
      />
      <Input
        label={tt.passages.mayorInformed}
        nativeInputProps={{
          value: f.mayorInformedOn,
          onChange: set('mayorInformedOn'),
          type: 'date',
        }}
      />
      <Checkbox
        options={[
          {
            label: tt.passages.conventionSigned,
            nativeInputProps: {
              checked: f.conventionSigned,
              onChange: (e) => setF({ ...f, conventionSigned: e.target.checked }),
            },
          },
        ]}
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

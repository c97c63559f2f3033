import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Aire } from '@contracts/travellers';
import { useState, type FormEvent } from 'react';
import { useAddClosure, useSetOccupancy } from '../api/travellers';
import { tt } from '../i18n';
import { ErrorDetails } from './query-state';

/** Monthly occupancy as reported by the manager, and temporary closures of an aire. */
export function AireForms({ aires }: { aires: Aire[] }) {
  const occupancy = useSetOccupancy();
  const closure = useAddClosure();
  const [o, setO] = useState({
    aireId: aires[0]?.id ?? '',
    month: '',
    occupiedPlaces: '',
    households: '',
  });
  const [c, setC] = useState({ aireId: aires[0]?.id ?? '', start: '', end: '', reason: '' });
  const aireOptions = aires.map((a) => (
    <option key={a.id} value={a.id}>
      {a.name} ({a.capacity})
    </option>
  ));
  const submitOccupancy = (e: FormEvent) => {
    e.preventDefault();
    occupancy.mutate({
      aireId: o.aireId,
      month: o.month,
      body: {
        occupiedPlaces: Number(o.occupiedPlaces),
        households: o.households ? Number(o.households) : null,
      },
    });
  };
  const submitClosure = (e: FormEvent) => {
    e.preventDefault();
    closure.mutate({ aireId: c.aireId, body: { start: c.start, end: c.end, reason: c.reason } });
  };
  return (
    <div className="vigie-gdv-columns">
      <form
        onSubmit={submitOccupancy}
        className="vigie-gdv-form"
        data-testid="travellers-occupancy-form"
      >
        <h3 className={fr.cx('fr-h6')}>{tt.aires.occupancyForm}</h3>
        <Select
          label={tt.aires.name}
          nativeSelectProps={{
            value: o.aireId,
            onChange: (e) => setO({ ...o, aireId: e.target.value }),
          }}
        >
          {aireOptions}
        </Select>
        <Input
          label={tt.aires.month}
          nativeInputProps={{
            type: 'month',
            value: o.month,
            required: true,
            onChange: (e) => setO({ ...o, month: e.target.value }),
          }}
        />
        <Input
          label={tt.aires.occupiedPlaces}
          nativeInputProps={{
            type: 'number',
            min: 0,
            step: 0.1,
            value: o.occupiedPlaces,
            required: true,
            onChange: (e) => setO({ ...o, occupiedPlaces: e.target.value }),
          }}
        />
        <Input
          label={tt.aires.households}
          nativeInputProps={{
            type: 'number',
            min: 0,
            value: o.households,
            onChange: (e) => setO({ ...o, households: e.target.value }),
          }}
        />
        <ErrorDetails error={occupancy.error} title={tt.settlements.refused} />
        {occupancy.isSuccess && <p role="status">{tt.aires.saved}</p>}
        <Button type="submit" size="small" disabled={occupancy.isPending}>
          {tt.passages.submit}
        </Button>
      </form>
      <form
        onSubmit={submitClosure}
        className="vigie-gdv-form"
        data-testid="travellers-closure-form"
      >
        <h3 className={fr.cx('fr-h6')}>{tt.aires.closureForm}</h3>
        <Select
          label={tt.aires.name}
          nativeSelectProps={{
            value: c.aireId,
            onChange: (e) => setC({ ...c, aireId: e.target.value }),
          }}
        >
          {aireOptions}
        </Select>
        <Input
          label={tt.aires.closureStart}
          nativeInputProps={{
            type: 'date',
            value: c.start,
            required: true,
            onChange: (e) => setC({ ...c, start: e.target.value }),
          }}
        />
        <Input
          label={tt.aires.closureEnd}
          nativeInputProps={{
            type: 'date',
            value: c.end,
            required: true,
            onChange: (e) => setC({ ...c, end: e.target.value }),
          }}
        />
        <Input
          label={tt.aires.closureReason}
          nativeInputProps={{
            value: c.reason,
            required: true,
            onChange: (e) => setC({ ...c, reason: e.target.value }),
          }}
        />
        <ErrorDetails error={closure.error} title={tt.settlements.refused} />
        {closure.isSuccess && <p role="status">{tt.aires.saved}</p>}
        <Button type="submit" size="small" disabled={closure.isPending}>
          {tt.passages.submit}
        </Button>
      </form>
    </div>
  );
}

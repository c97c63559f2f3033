import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type Distinction, DISTINCTIONS, type DossierInput } from '@contracts/honours';
import { type FormEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCommunes, useCreateDossier, useEligibility, useRuleSets } from '../api/honours';
import { DISTINCTION_LABELS, echelonLabel, th } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { EligibilityPanel } from './eligibility-panel';

interface PeriodRow {
  employer: string;
  start: string;
  end: string;
  ratio: string;
}

const todayIso = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const emptyPeriod = (): PeriodRow => ({ employer: '', start: '', end: '', ratio: '100' });

/** Intake of a dossier, with the eligibility checked before it is saved. */
export function DossierForm({ base }: { base: string }) {
  const navigate = useNavigate();
  const rules = useRuleSets();
  const communes = useCommunes();
  const eligibility = useEligibility();
  const create = useCreateDossier();
  const [distinction, setDistinction] = useState<Distinction>('travail');
  const [echelon, setEchelon] = useState('argent');
  const [candidate, setCandidate] = useState({
    civility: 'Mme' as 'Mme' | 'M.',
    sex: 'F' as 'F' | 'H',
    lastName: '',
    firstName: '',
    birthDate: '',
    communeInsee: '',
    occupation: '',
    employer: '',
    employerCity: '',
  });
  const [filedAt, setFiledAt] = useState(todayIso());
  const [promotionDate, setPromotionDate] = useState('');
  const [periods, setPeriods] = useState<PeriodRow[]>([emptyPeriod()]);

  const echelons = useMemo(() => {
    const set = rules.data?.find((r) => r.distinction === distinction);
    return set ? [...set.rules.echelons].sort((a, b) => a.rank - b.rank).map((e) => e.code) : [];
  }, [rules.data, distinction]);

  const field = (name: keyof typeof candidate) => ({
    value: candidate[name],
    onChange: (e: { target: { value: string } }) =>
      setCandidate((c) => ({ ...c, [name]: e.target.value })),
  });
  const servicePeriods = periods
    .filter((p) => p.start)
    .map((p) => ({
      ...(p.employer.trim() ? { employer: p.employer.trim() } : {}),
      start: p.start,
      ...(p.end ? { end: p.end } : {}),
      ...(p.ratio && Number(p.ratio) !== 100 ? { ratio: Number(p.ratio) / 100 } : {}),
    }));
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  const body = (): DossierInput => ({
    distinction,
    echelon,
    filedAt,
    ...(promotionDate ? { promotionDate } : {}),
    candidate: {
      civility: candidate.civility,
      sex: candidate.sex,
      lastName: candidate.lastName,
      firstName: candidate.firstName,
      birthDate: candidate.birthDate,
      communeInsee: candidate.communeInsee,
      occupation: optional(candidate.occupation),
      employer: optional(candidate.employer),
      employerCity: optional(candidate.employerCity),
    },
    servicePeriods,
  });

  const check = () =>
    eligibility.mutate({
      distinction,
      echelon,
      promotionDate: promotionDate || filedAt,
      filedAt,
      servicePeriods,
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(body(), { onSuccess: (d) => void navigate(`${base}/dossiers/${d.id}`) });
  };

  return (
    <form onSubmit={submit} aria-labelledby="dossier-form-title" noValidate>
      <h2 id="dossier-form-title">{th.form.title}</h2>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{th.form.request}</legend>
        <div className="fr-fieldset__element">
          <Select
            label={th.form.distinction}
            nativeSelectProps={{
              value: distinction,
              onChange: (e) => {
                const next = e.target.value as Distinction;
                setDistinction(next);
                const set = rules.data?.find((r) => r.distinction === next);
                setEchelon(
                  [...(set?.rules.echelons ?? [])].sort((a, b) => a.rank - b.rank)[0]?.code ?? '',
                );
              },
            }}
          >
            {DISTINCTIONS.map((d) => (
              <option key={d} value={d}>
                {DISTINCTION_LABELS[d]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Select
            label={th.form.echelon}
            nativeSelectProps={{ value: echelon, onChange: (e) => setEchelon(e.target.value) }}
          >
            {echelons.map((e) => (
              <option key={e} value={e}>
                {echelonLabel(e)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={th.form.filedAt}
            nativeInputProps={{
              type: 'date',
              value: filedAt,
              onChange: (e) => setFiledAt(e.target.value),
            }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={th.form.promotionDate}
            hintText={th.form.promotionHint}
            nativeInputProps={{
              type: 'date',
              value: promotionDate,
              onChange: (e) => setPromotionDate(e.target.value),
            }}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{th.form.candidate}</legend>
        <div className="fr-fieldset__element">
          <Select
            label={th.form.civility}
            nativeSelectProps={{
              value: candidate.civility,
              onChange: (e) => {
                const civility = e.target.value as 'Mme' | 'M.';
                setCandidate((c) => ({ ...c, civility, sex: civility === 'Mme' ? 'F' : 'H' }));
              },
            }}
          >
            <option value="Mme">Mme</option>
            <option value="M.">M.</option>
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Select label={th.form.sex} nativeSelectProps={field('sex')}>
            <option value="F">{th.form.female}</option>
            <option value="H">{th.form.male}</option>
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={th.form.lastName}
            nativeInputProps={{ ...field('lastName'), required: true, autoComplete: 'off' }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={th.form.firstName}
            nativeInputProps={{ ...field('firstName'), required: true, autoComplete: 'off' }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Input
            label={th.form.birthDate}
            nativeInputProps={{ ...field('birthDate'), type: 'date', required: true }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Select
            label={th.form.commune}
            nativeSelectProps={{ ...field('communeInsee'), required: true }}
          >
            <option value="">{th.form.chooseCommune}</option>
            {[...(communes.data ?? [])]
              .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
              .map((c) => (
                <option key={c.insee} value={c.insee}>
                  {c.name}
                </option>
              ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Input label={th.form.occupation} nativeInputProps={field('occupation')} />
        </div>
        <div className="fr-fieldset__element">
          <Input label={th.form.employer} nativeInputProps={field('employer')} />
        </div>
        <div className="fr-fieldset__element">
          <Input label={th.form.employerCity} nativeInputProps={field('employerCity')} />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{th.form.periods}</legend>
        {periods.map((p, i) => {
          const set = (patch: Partial<PeriodRow>) =>
            setPeriods((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
          return (
            <fieldset
              key={i}
              className="fr-fieldset__element fr-fieldset"
              aria-label={th.form.periodLegend(i + 1)}
            >
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-md-4">
                  <Input
                    label={`${th.form.periodEmployer} (${i + 1})`}
                    nativeInputProps={{
                      value: p.employer,
                      onChange: (e) => set({ employer: e.target.value }),
                    }}
                  />
                </div>
                <div className="fr-col-6 fr-col-md-3">
                  <Input
                    label={`${th.form.periodStart} (${i + 1})`}
                    nativeInputProps={{
                      type: 'date',
                      value: p.start,
                      onChange: (e) => set({ start: e.target.value }),
                    }}
                  />
                </div>
                <div className="fr-col-6 fr-col-md-3">
                  <Input
                    label={`${th.form.periodEnd} (${i + 1})`}
                    nativeInputProps={{
                      type: 'date',
                      value: p.end,
                      onChange: (e) => set({ end: e.target.value }),
                    }}
                  />
                </div>
                <div className="fr-col-6 fr-col-md-2">
                  <Input
                    label={`${th.form.periodRatio} (${i + 1})`}
                    nativeInputProps={{
                      type: 'number',
                      min: 1,
                      max: 100,
                      value: p.ratio,
                      onChange: (e) => set({ ratio: e.target.value }),
                    }}
                  />
                </div>
              </div>
              {periods.length > 1 && (
                <Button
                  type="button"
                  priority="tertiary"
                  size="small"
                  onClick={() => setPeriods((rows) => rows.filter((_, j) => j !== i))}
                >
                  {th.form.removePeriod(i + 1)}
                </Button>
              )}
            </fieldset>
          );
        })}
        <div className="fr-fieldset__element">
          <Button
            type="button"
            priority="secondary"
            size="small"
            onClick={() => setPeriods((rows) => [...rows, emptyPeriod()])}
          >
            {th.form.addPeriod}
          </Button>
        </div>
      </fieldset>

      {eligibility.error && <ApiErrorAlert error={eligibility.error} />}
      {eligibility.data && <EligibilityPanel result={eligibility.data} />}
      {create.error && <ApiErrorAlert error={create.error} />}
      <ul className="fr-btns-group fr-btns-group--inline fr-mt-3w">
        <li>
          <Button
            type="button"
            priority="secondary"
            onClick={check}
            disabled={eligibility.isPending}
          >
            {th.form.check}
          </Button>
        </li>
        <li>
          <Button type="submit" disabled={create.isPending}>
            {th.form.save}
          </Button>
        </li>
      </ul>
    </form>
  );
}

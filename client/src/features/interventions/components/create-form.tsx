import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  INTERVENTION_CHANNELS,
  INTERVENTION_THEMES,
  SIGNATORIES,
  type CreateInterventionInput,
} from '@contracts/interventions';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCommuneOptions, useCreateIntervention, useOfficialSearch } from '../api';
import {
  INTERVENTION_CHANNEL_LABELS,
  INTERVENTION_THEME_LABELS,
  SIGNATORY_LABELS,
  ti,
} from '../i18n';
import { ErrorAlert } from './common';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });

/** Registers an intervention; the server numbers it and lists every invalid field. */
export function CreateInterventionForm() {
  const navigate = useNavigate();
  const create = useCreateIntervention();
  const communes = useCommuneOptions();
  const [search, setSearch] = useState('');
  const officials = useOfficialSearch(search);
  const [form, setForm] = useState<CreateInterventionInput>({
    receivedOn: today(),
    channel: 'courrier',
    officialId: '',
    beneficiaryKind: 'personne',
    beneficiaryName: '',
    beneficiaryCommuneInsee: null,
    theme: 'autre',
    subject: '',
    caseReference: null,
    signatory: 'directeur_cabinet',
    confidentiality: 'normale',
  });
  const set = (patch: Partial<CreateInterventionInput>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, {
      onSuccess: (detail) => void navigate(`/cabinet/interventions/${detail.id}`),
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="create-title" data-testid="intervention-form">
      <h2 id="create-title" className={fr.cx('fr-h4')}>
        {ti.form.title}
      </h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label={ti.form.receivedOn}
            nativeInputProps={{
              type: 'date',
              required: true,
              value: form.receivedOn,
              onChange: (e) => set({ receivedOn: e.target.value }),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select
            label={ti.form.channel}
            nativeSelectProps={{
              value: form.channel,
              onChange: (e) =>
                set({ channel: e.target.value as CreateInterventionInput['channel'] }),
            }}
          >
            {INTERVENTION_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {INTERVENTION_CHANNEL_LABELS[c]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select
            label={ti.form.signatory}
            nativeSelectProps={{
              value: form.signatory,
              onChange: (e) =>
                set({ signatory: e.target.value as CreateInterventionInput['signatory'] }),
            }}
          >
            {SIGNATORIES.map((s) => (
              <option key={s} value={s}>
                {SIGNATORY_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Input
        label={ti.form.official}
        hintText={ti.form.officialHint}
        nativeInputProps={{
          type: 'search',
          value: search,
          onChange: (e) => setSearch(e.target.value),
        }}
      />
      {search.trim().length >= 2 &&
        (officials.data && officials.data.length > 0 ? (
          <RadioButtons
            legend={ti.form.officialPick}
            small
            options={officials.data.map((o) => ({
              label: `${o.name}${o.title ? ` — ${o.title}` : ''}`,
              nativeInputProps: {
                checked: form.officialId === o.id,
                onChange: () => set({ officialId: o.id }),
              },
            }))}
          />
        ) : (
          <p className={fr.cx('fr-text--sm')}>
            {officials.isFetching ? ti.loading : ti.form.officialNone}
          </p>
        ))}
      <RadioButtons
        legend={ti.form.beneficiaryKind}
        orientation="horizontal"
        options={[
          {
            label: ti.form.person,
            nativeInputProps: {
              checked: form.beneficiaryKind === 'personne',
              onChange: () => set({ beneficiaryKind: 'personne' }),
            },
          },
          {
            label: ti.form.organisation,
            nativeInputProps: {
              checked: form.beneficiaryKind === 'organisation',
              onChange: () => set({ beneficiaryKind: 'organisation' }),
            },
          },
        ]}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label={ti.form.beneficiaryName}
            nativeInputProps={{
              required: true,
              value: form.beneficiaryName,
              onChange: (e) => set({ beneficiaryName: e.target.value }),
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label={ti.form.commune}
            nativeSelectProps={{
              value: form.beneficiaryCommuneInsee ?? '',
              onChange: (e) => set({ beneficiaryCommuneInsee: e.target.value || null }),
            }}
          >
            <option value="">{ti.form.noCommune}</option>
            {(communes.data ?? []).map((c) => (
              <option key={c.insee} value={c.insee}>
                {c.name} ({c.insee})
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label={ti.form.theme}
            nativeSelectProps={{
              value: form.theme,
              onChange: (e) => set({ theme: e.target.value as CreateInterventionInput['theme'] }),
            }}
          >
            {INTERVENTION_THEMES.map((th) => (
              <option key={th} value={th}>
                {INTERVENTION_THEME_LABELS[th]}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label={ti.form.caseReference}
            nativeInputProps={{
              value: form.caseReference ?? '',
              onChange: (e) => set({ caseReference: e.target.value || null }),
            }}
          />
        </div>
      </div>
      <Input
        label={ti.form.subject}
        textArea
        nativeTextAreaProps={{
          required: true,
          value: form.subject,
          onChange: (e) => set({ subject: e.target.value }),
        }}
      />
      <RadioButtons
        legend={ti.form.confidentiality}
        options={[
          {
            label: ti.form.normale,
            nativeInputProps: {
              checked: form.confidentiality === 'normale',
              onChange: () => set({ confidentiality: 'normale' }),
            },
          },
          {
            label: ti.form.restreinte,
            nativeInputProps: {
              checked: form.confidentiality === 'restreinte',
              onChange: () => set({ confidentiality: 'restreinte' }),
            },
          },
        ]}
      />
      {create.error && <ErrorAlert error={create.error} title={ti.form.error} />}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline')}>
        <li>
          <Button type="submit" disabled={create.isPending}>
            {ti.form.submit}
          </Button>
        </li>
        <li>
          <Link className={fr.cx('fr-btn', 'fr-btn--secondary')} to="/cabinet/interventions">
            {ti.back}
          </Link>
        </li>
      </ul>
    </form>
  );
}

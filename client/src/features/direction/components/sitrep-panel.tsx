import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { COUNTER_KEYS } from '@contracts/crisis';
import { SITREP_SECTIONS, type SitrepSection } from '@contracts/direction';
import { useState } from 'react';
import { formatWhen, localInputToIso } from '@/lib/format';
import {
  downloadSitrepPdf,
  useDiffuseSitrep,
  useGenerateSitrep,
  useGroups,
  useSchedule,
  useSetSchedule,
  useSitrep,
  useSitreps,
  useUpdateSitrep,
  useValidateSitrep,
} from '../api';
import type { DirectionPermissions } from '../hooks/use-direction-permissions';
import { formatDelta } from '../lib/delta';
import { COUNTER_LABELS, SITREP_SECTION_LABELS, td } from '../i18n';

interface Props {
  crisisId: string;
  permissions: DirectionPermissions;
}

/** `2026-03-14T18:00` in the browser's time, for a datetime-local input. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Points de situation of a crisis: generate, write the cellule texts, validate, PDF, diffuse, schedule. */
export function SitrepPanel({ crisisId, permissions }: Props) {
  const list = useSitreps(crisisId);
  const latest = list.data?.data[0] ?? null;
  const detail = useSitrep(latest?.id ?? null);
  const generate = useGenerateSitrep();
  const update = useUpdateSitrep();
  const validate = useValidateSitrep();
  const diffuse = useDiffuseSitrep();
  const groups = useGroups(permissions.canDiffuse);
  const schedule = useSchedule(crisisId);
  const setSchedule = useSetSchedule();
  const [chosenLists, setChosenLists] = useState<string[]>([]);
  const sitrep = detail.data;

  const error = generate.error ?? update.error ?? validate.error ?? diffuse.error ?? setSchedule.error;
  const draft = sitrep?.status === 'draft';

  return (
    <div data-testid="sitrep-panel">
      {permissions.canWrite && (!latest || latest.status === 'validated') && (
        <Button iconId="fr-icon-file-add-line" disabled={generate.isPending} onClick={() => generate.mutate(crisisId)}>
          {td.generate}
        </Button>
      )}
      {error && <Alert small severity="error" description={error.message} className={fr.cx('fr-my-1w')} />}
      {sitrep && (
        <div className={fr.cx('fr-mt-2w')} data-testid="sitrep" data-number={sitrep.number} data-status={sitrep.status}>
          <h3 className={fr.cx('fr-h6', 'fr-mb-1v')}>
            {draft
              ? td.draftOf(sitrep.number, sitrep.version)
              : td.validatedOf(sitrep.number, sitrep.validatedByName ?? '?', formatWhen(sitrep.validatedAt ?? sitrep.generatedAt))}
          </h3>
          <p className={fr.cx('fr-text--sm')}>{td.entries(sitrep.entries.length)}</p>
          <table className="vigie-direction__deltas">
            <caption className={fr.cx('fr-text--sm')}>{td.deltas}</caption>
            <tbody>
              {COUNTER_KEYS.filter((k) => sitrep.bilan[k] || sitrep.previousBilan[k]).map((k) => (
                <tr key={k}>
                  <th scope="row">{COUNTER_LABELS[k]}</th>
                  <td>{sitrep.bilan[k]}</td>
                  <td>{formatDelta(sitrep.deltas[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <SectionsEditor
            // a new version (saved here or elsewhere) starts from its texts
            key={`${sitrep.id}:${sitrep.version}`}
            sections={sitrep.sections}
            changed={sitrep.diff.sections.filter((d) => d.changed).map((d) => d.section)}
            editable={draft && permissions.canWrite}
            saving={update.isPending}
            onSave={(sections) => update.mutate({ id: sitrep.id, version: sitrep.version, sections })}
          />
          <div className="vigie-direction__answers">
            {draft && permissions.isAuthority && (
              <Button iconId="fr-icon-check-line" disabled={validate.isPending} onClick={() => validate.mutate({ id: sitrep.id, version: sitrep.version })}>
                {td.validate}
              </Button>
            )}
            <Button priority="tertiary" iconId="fr-icon-download-line" onClick={() => void downloadSitrepPdf(sitrep)}>
              {td.pdf}
            </Button>
          </div>
          {!draft && permissions.canDiffuse && (
            <fieldset className={fr.cx('fr-fieldset', 'fr-mt-2w')}>
              <legend className={fr.cx('fr-fieldset__legend')}>{td.lists}</legend>
              <Checkbox
                small
                options={(groups.data ?? []).map((g) => ({
                  label: g.name,
                  nativeInputProps: {
                    checked: chosenLists.includes(g.id),
                    onChange: (e) => setChosenLists((l) => (e.target.checked ? [...l, g.id] : l.filter((x) => x !== g.id))),
                  },
                }))}
              />
              <Button disabled={diffuse.isPending || chosenLists.length === 0} onClick={() => diffuse.mutate({ id: sitrep.id, groupIds: chosenLists })}>
                {td.diffuse}
              </Button>
            </fieldset>
          )}
          {sitrep.diffusions.map((d) => (
            <p key={d.pageId} className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              {td.diffused(d.recipients, d.groups.join(', '), formatWhen(d.at))}
            </p>
          ))}
        </div>
      )}
      {permissions.canWrite && schedule.data && (
        <ScheduleForm
          key={`${schedule.data.nextDueAt ?? ''}:${schedule.data.intervalMinutes ?? ''}`}
          nextDueAt={schedule.data.nextDueAt}
          intervalMinutes={schedule.data.intervalMinutes}
          saving={setSchedule.isPending}
          onSave={(nextDueAt, intervalMinutes) => setSchedule.mutate({ crisisId, nextDueAt, intervalMinutes })}
        />
      )}
    </div>
  );
}

function SectionsEditor(props: {
  sections: Record<SitrepSection, string>;
  changed: SitrepSection[];
  editable: boolean;
  saving: boolean;
  onSave: (sections: Record<SitrepSection, string>) => void;
}) {
  const [sections, setSections] = useState(props.sections);
  return (
    <>
      {SITREP_SECTIONS.map((s) => (
        <Input
          key={s}
          label={SITREP_SECTION_LABELS[s]}
          hintText={props.changed.includes(s) ? td.changed : undefined}
          textArea
          disabled={!props.editable}
          nativeTextAreaProps={{
            value: sections[s],
            onChange: (e) => setSections({ ...sections, [s]: e.target.value }),
            rows: 3,
            maxLength: 8000,
          }}
        />
      ))}
      {props.editable && (
        <Button priority="secondary" disabled={props.saving} onClick={() => props.onSave(sections)}>
          {td.save}
        </Button>
      )}
    </>
  );
}

function ScheduleForm(props: {
  nextDueAt: string | null;
  intervalMinutes: number | null;
  saving: boolean;
  onSave: (nextDueAt: string | null, intervalMinutes: number | null) => void;
}) {
  const [dueAt, setDueAt] = useState(toLocalInput(props.nextDueAt));
  const [interval, setInterval] = useState(props.intervalMinutes ? String(props.intervalMinutes) : '');
  return (
    <form
      className={fr.cx('fr-mt-2w')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(localInputToIso(dueAt) ?? null, interval ? Number(interval) : null);
      }}
    >
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>{td.schedule}</legend>
        <Input label={td.scheduleAt} nativeInputProps={{ type: 'datetime-local', value: dueAt, onChange: (e) => setDueAt(e.target.value) }} />
        <Input
          label={td.interval}
          nativeInputProps={{ type: 'number', min: 15, max: 1440, value: interval, onChange: (e) => setInterval(e.target.value) }}
        />
        <Button type="submit" priority="secondary" disabled={props.saving}>
          {td.saveSchedule}
        </Button>
      </fieldset>
    </form>
  );
}

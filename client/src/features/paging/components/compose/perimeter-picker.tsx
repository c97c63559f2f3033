import { Select } from '@codegouvfr/react-dsfr/Select';
import { FEATURE_KIND_LABELS, type MapFeature } from '@contracts/crisis';
import { tp } from '../../i18n';
import { testId } from '../../lib/test-id';

interface PerimeterPickerProps {
  /** The crisis the page is linked to; none: no perimeter to choose. */
  crisisLinked: boolean;
  features: readonly MapFeature[];
  loading: boolean;
  featureId: string;
  onChange: (featureId: string) => void;
}

/** « Maires des communes d’un périmètre »: a zone drawn on the crisis map (its communes' mayors). */
export function PerimeterPicker({
  crisisLinked,
  features,
  loading,
  featureId,
  onChange,
}: PerimeterPickerProps) {
  const zones = features.filter((f) => f.affectedCommunes.length > 0);
  const hint = !crisisLinked
    ? tp.pickers.perimeterNeedsCrisis
    : loading
      ? tp.pickers.loading
      : zones.length === 0
        ? tp.pickers.perimeterEmpty
        : tp.pickers.perimeterHint;
  return (
    <div className="vigie-paging-picker" data-testid="paging-pick-perimeter">
      <Select
        label={<span className="vigie-paging-picker__legend">{tp.pickers.perimeter}</span>}
        hint={hint}
        disabled={!crisisLinked || zones.length === 0}
        nativeSelectProps={{
          name: 'featureId',
          value: featureId,
          onChange: (e) => onChange(e.target.value),
          ...testId('paging-perimeter'),
        }}
      >
        <option value="">{tp.pickers.perimeterNone}</option>
        {zones.map((f) => (
          <option key={f.id} value={f.id}>
            {tp.pickers.perimeterOption(
              FEATURE_KIND_LABELS[f.kind],
              f.label,
              f.affectedCommunes.length,
            )}
          </option>
        ))}
      </Select>
    </div>
  );
}

import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { tp } from '../../i18n';

export interface ServiceOption {
  id: string;
  code: string;
  name: string;
}

interface ServicePickerProps {
  services: readonly ServiceOption[];
  serviceIds: readonly string[];
  onChange: (next: string[]) => void;
}

/** Services: whoever is on duty at send time (first on the roster) is paged. */
export function ServicePicker({ services, serviceIds, onChange }: ServicePickerProps) {
  const chosen = new Set(serviceIds);
  return (
    <div className="vigie-paging-picker" data-testid="paging-pick-services">
      <Checkbox
        small
        legend={<span className="vigie-paging-picker__legend">{tp.pickers.services}</span>}
        hintText={tp.pickers.servicesHint}
        className="vigie-paging-scroll"
        options={services.map((s) => ({
          label: `${s.name} (${s.code})`,
          nativeInputProps: {
            name: 'serviceIds',
            value: s.id,
            checked: chosen.has(s.id),
            onChange: (e) =>
              onChange(
                e.target.checked ? [...serviceIds, s.id] : serviceIds.filter((id) => id !== s.id),
              ),
          },
        }))}
      />
    </div>
  );
}

import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useGroups } from '../../api';
import { tp } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';

interface GroupPickerProps {
  groupIds: readonly string[];
  onChange: (next: string[]) => void;
}

/** Distribution lists: every active member is paged. */
export function GroupPicker({ groupIds, onChange }: GroupPickerProps) {
  const groups = useGroups();
  const list = groups.data ?? [];
  const chosen = new Set(groupIds);
  if (list.length === 0) {
    return (
      <div className="vigie-paging-picker" data-testid="paging-pick-groups">
        <p className="vigie-paging-picker__legend">{tp.pickers.groups}</p>
        {groups.error ? (
          <ApiErrorAlert error={groups.error} focus={false} />
        ) : (
          <p role="status" className={fr.cx('fr-text--sm')}>
            {groups.isPending ? tp.pickers.loading : tp.pickers.groupsNone}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="vigie-paging-picker" data-testid="paging-pick-groups">
      <Checkbox
        small
        legend={<span className="vigie-paging-picker__legend">{tp.pickers.groups}</span>}
        className="vigie-paging-scroll"
        options={list.map((g) => ({
          label: g.name,
          hintText: tp.pickers.groupMembers(g.contactIds.length),
          nativeInputProps: {
            name: 'groupIds',
            value: g.id,
            checked: chosen.has(g.id),
            onChange: (e) =>
              onChange(
                e.target.checked ? [...groupIds, g.id] : groupIds.filter((id) => id !== g.id),
              ),
          },
        }))}
      />
    </div>
  );
}

import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { tp } from '../../i18n';

export interface SelectedItem {
  id: string;
  label: string;
}

interface SelectedTagsProps {
  items: readonly SelectedItem[];
  onRemove: (id: string) => void;
  label: string;
  testId: string;
}

/** What a picker holds: one dismissible tag each (a button named « Retirer … »). */
export function SelectedTags({ items, onRemove, label, testId }: SelectedTagsProps) {
  if (items.length === 0) return null;
  return (
    <ul className="fr-tags-group vigie-paging-tags" aria-label={label} data-testid={testId}>
      {items.map((item) => (
        <li key={item.id}>
          <Tag
            small
            dismissible
            nativeButtonProps={{
              type: 'button',
              'aria-label': tp.pickers.remove(item.label),
              onClick: () => onRemove(item.id),
            }}
          >
            {item.label}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

import { fr } from '@codegouvfr/react-dsfr';
import { useId } from 'react';
import { tm } from '../i18n';

export const LAYER_KEYS = [
  'tiles',
  'departement',
  'arrondissements',
  'communes',
  'hospitals',
  'features',
  'incidents',
  'tasks',
] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];
export type LayerVisibility = Record<LayerKey, boolean>;

export const DEFAULT_VISIBILITY: LayerVisibility = {
  tiles: true,
  departement: true,
  arrondissements: true,
  communes: true,
  hospitals: true,
  features: true,
  incidents: true,
  tasks: true,
};

interface LayersPanelProps {
  id: string;
  hidden: boolean;
  visibility: LayerVisibility;
  onChange: (key: LayerKey, visible: boolean) => void;
  /** The tile toggle is listed only when tiles are configured. */
  hasTiles: boolean;
}

/** DSFR checkboxes, one per layer. */
export function LayersPanel({ id, hidden, visibility, onChange, hasTiles }: LayersPanelProps) {
  const baseId = useId();
  const keys = LAYER_KEYS.filter((k) => k !== 'tiles' || hasTiles);
  return (
    <div id={id} hidden={hidden} className="vigie-map-panel vigie-map-layers">
      <fieldset className={fr.cx('fr-fieldset', 'fr-mb-0')}>
        <legend className={fr.cx('fr-fieldset__legend', 'fr-text--md', 'fr-mb-1w', 'fr-pb-0')}>
          {tm.layers.title}
        </legend>
        {keys.map((key) => (
          <div key={key} className={fr.cx('fr-fieldset__element', 'fr-mb-1v')}>
            <div className={fr.cx('fr-checkbox-group', 'fr-checkbox-group--sm')}>
              <input
                type="checkbox"
                id={`${baseId}-${key}`}
                checked={visibility[key]}
                data-testid={`map-layer-${key}`}
                onChange={(e) => onChange(key, e.target.checked)}
              />
              <label className={fr.cx('fr-label')} htmlFor={`${baseId}-${key}`}>
                {tm.layers[key]}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

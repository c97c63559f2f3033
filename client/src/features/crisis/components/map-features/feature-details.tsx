import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { FEATURE_KIND_LABELS, type MapFeature } from '@contracts/crisis';
import { useState } from 'react';
import { useDeleteFeature } from '../../api';
import { formatFull, formatNumber, formatStamp } from '@/lib/format';
import { useNow } from '../../hooks/use-now';
import { tc } from '../../i18n';
import { ApiErrorAlert } from '../api-error-alert';
import { testId } from '../test-id';

const MAX_NAMED = 12;

/** « 3 communes, 152 340 habitants : Clermont-Ferrand, Aubière, Beaumont » */
export function impactText(feature: MapFeature): string {
  const communes = [...feature.affectedCommunes].sort((a, b) => b.population - a.population);
  if (communes.length === 0) return tc.features.noImpact;
  const names = communes.slice(0, MAX_NAMED).map((c) => c.name);
  const more = communes.length > MAX_NAMED ? ` et ${communes.length - MAX_NAMED} autres` : '';
  return `${tc.features.impact(communes.length, formatNumber(feature.affectedPopulation))} : ${names.join(', ')}${more}`;
}

interface FeatureDetailsProps {
  feature: MapFeature;
  canDelete: boolean;
  /** Just drawn by this user: say it was saved. */
  justCreated: boolean;
  onClose: () => void;
}

/** A perimeter or point of the map: its kind, impact (communes, population, sites), delete. */
export function FeatureDetails({ feature, canDelete, justCreated, onClose }: FeatureDetailsProps) {
  const remove = useDeleteFeature();
  const now = useNow();
  const [confirm, setConfirm] = useState(false);
  const title = feature.label ?? FEATURE_KIND_LABELS[feature.kind];
  return (
    <section
      className="vigie-card vigie-feature"
      aria-labelledby="vigie-feature-title"
      data-testid="feature-details"
      data-feature-id={feature.id}
    >
      <div className="vigie-feature__head">
        <h2 id="vigie-feature-title" className={fr.cx('fr-h6', 'fr-mb-1v')}>
          {title}
        </h2>
        <Button
          size="small"
          priority="tertiary no outline"
          iconId="fr-icon-close-line"
          title={tc.features.close}
          onClick={onClose}
        />
      </div>
      {feature.label && (
        <p className={fr.cx('fr-text--xs', 'fr-mb-1v')}>{FEATURE_KIND_LABELS[feature.kind]}</p>
      )}
      <p role="status" className={fr.cx('fr-text--sm', 'fr-mb-1w')} data-testid="feature-impact">
        {justCreated && <strong>{tc.features.saved} </strong>}
        {impactText(feature)}
      </p>
      {feature.sites.length > 0 && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          {tc.features.sites} : {feature.sites.map((s) => s.name).join(', ')}
        </p>
      )}
      {feature.description && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{feature.description}</p>
      )}
      <p className={fr.cx('fr-text--xs', 'fr-mb-1w')}>
        <time dateTime={feature.createdAt} title={formatFull(feature.createdAt)}>
          {tc.features.createdAt(formatStamp(feature.createdAt, new Date(now)))}
        </time>
      </p>
      {remove.error && <ApiErrorAlert error={remove.error} />}
      {canDelete && (
        <div className="vigie-task__actions">
          {confirm ? (
            <>
              <Button
                size="small"
                className="vigie-button--danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(feature, { onSuccess: onClose })}
                nativeButtonProps={testId('feature-delete-confirm')}
              >
                {tc.features.confirmDelete}
              </Button>
              <Button size="small" priority="tertiary" onClick={() => setConfirm(false)}>
                {tc.tasks.back}
              </Button>
            </>
          ) : (
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-delete-bin-line"
              onClick={() => setConfirm(true)}
              nativeButtonProps={testId('feature-delete')}
            >
              {tc.features.delete}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

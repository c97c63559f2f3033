import { useCommuneTerritory } from '../api/territory';

const FORCE_LABELS = { police: 'Police nationale', gendarmerie: 'Gendarmerie nationale' } as const;

/** « Force compétente : Brigade de gendarmerie d'Issoire (Gendarmerie nationale) », once known. */
export function CompetentForce({ insee, className }: { insee: string | null; className?: string }) {
  const territory = useCommuneTerritory(insee);
  if (!territory) return null;
  const { kind, unit, zone } = territory.force;
  return (
    <p className={className} data-testid="competent-force">
      Force compétente : {unit} ({FORCE_LABELS[kind]}, {zone})
    </p>
  );
}

export { FORCE_LABELS };

import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function InterventionsPage() {
  return <ModulePlaceholder module="interventions" />;
}

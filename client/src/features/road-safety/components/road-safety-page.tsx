import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function RoadSafetyPage() {
  return <ModulePlaceholder module="road-safety" />;
}

import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function FireRescuePage() {
  return <ModulePlaceholder module="fire-rescue" />;
}

import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function ElectionsPage() {
  return <ModulePlaceholder module="elections" />;
}

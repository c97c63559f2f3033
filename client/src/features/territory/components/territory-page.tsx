import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function TerritoryPage() {
  return <ModulePlaceholder module="territory" />;
}

import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function TravellersPage() {
  return <ModulePlaceholder module="travellers" />;
}

import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function HonoursPage() {
  return <ModulePlaceholder module="honours" />;
}

import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function PreventionPage() {
  return <ModulePlaceholder module="prevention" />;
}

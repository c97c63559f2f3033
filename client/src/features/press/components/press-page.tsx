import { ModulePlaceholder } from '@/features/routine/components/module-placeholder';

export function PressPage() {
  return <ModulePlaceholder module="press" />;
}

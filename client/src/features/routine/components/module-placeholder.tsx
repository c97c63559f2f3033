import { t } from '@/lib/i18n';
import { routineModule } from '../modules';

/** Placeholder until a module is built: says what it will hold, shows no data. */
export function ModulePlaceholder({ module }: { module: string }) {
  const { title, description } = routineModule(module);
  return (
    <>
      <title>{t.app.documentTitle(title)}</title>
      <h1>{title}</h1>
      <p>{description}</p>
    </>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { tp } from '../i18n';
import '../styles/paging.css';

/** For roles the paging screens are not meant for. */
export function ReservedAccess({ description = tp.noAccess }: { description?: string }) {
  return (
    <div data-testid="paging-no-access">
      <title>{`${tp.title} — Vigie`}</title>
      <h1>{tp.title}</h1>
      <Alert severity="info" title={tp.noAccessTitle} description={description} />
    </div>
  );
}

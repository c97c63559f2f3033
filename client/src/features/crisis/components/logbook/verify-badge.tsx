import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { LogbookEntry } from '@contracts/crisis';
import { useLogbookVerify } from '../../api';
import { tc } from '../../i18n';

/** The hash chain's verification by the server: intact, or where it breaks. */
export function VerifyBadge({
  crisisId,
  entries,
}: {
  crisisId: string;
  entries: readonly LogbookEntry[];
}) {
  const verify = useLogbookVerify(crisisId);
  const result = verify.data;
  let badge;
  if (verify.isPending) {
    badge = (
      <Badge as="span" small noIcon>
        {tc.logbook.verifying}
      </Badge>
    );
  } else if (!result) {
    badge = (
      <Badge as="span" small severity="warning">
        {tc.logbook.verifyFailed}
      </Badge>
    );
  } else if (result.valid) {
    badge = (
      <Badge as="span" small severity="success">
        {tc.logbook.verifyOk(result.entries)}
      </Badge>
    );
  } else {
    const index = result.index ?? entries.find((e) => e.id === result.firstBrokenEntryId)?.index;
    badge = (
      <Badge as="span" small severity="error">
        {tc.logbook.verifyBroken(index !== undefined ? `n° ${index}` : result.firstBrokenEntryId)}
      </Badge>
    );
  }
  return (
    <div
      className="vigie-verify"
      role="status"
      aria-live="polite"
      data-testid="logbook-verify"
      data-valid={result ? String(result.valid) : undefined}
    >
      {badge}
      <Button
        size="small"
        priority="tertiary no outline"
        iconId="fr-icon-refresh-line"
        title={tc.logbook.verifyAgain}
        disabled={verify.isFetching}
        onClick={() => void verify.refetch()}
        className={fr.cx('fr-ml-1v')}
      />
    </div>
  );
}

import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { EligibilityResult } from '@contracts/honours';
import { th } from '../i18n';
import { frDate } from './format';

/** The calculator's answer with every check it made, in French. */
export function EligibilityPanel({
  result,
  warnings,
  level = 2,
}: {
  result: EligibilityResult;
  warnings?: string[];
  /** Level of the section's heading in the page's outline. */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const allWarnings = warnings ?? result.warnings;
  return (
    <section aria-labelledby="eligibility-title" data-testid="eligibility">
      <Heading id="eligibility-title" className="fr-h5">
        {th.eligibility.title}
      </Heading>
      <Alert
        severity={result.eligible ? 'success' : 'warning'}
        title={`${result.eligible ? th.eligibility.eligible : th.eligibility.notEligible} ${th.eligibility.at(frDate(result.promotionDate))}`}
        description={
          <>
            <ul data-testid="eligibility-checks">
              {result.checks.map((c) => (
                <li key={c.message}>{c.message}</li>
              ))}
            </ul>
            {result.ruleSet.toConfirm.length > 0 && (
              <p className="fr-text--sm">
                {th.eligibility.toConfirm}
                {result.ruleSet.toConfirm.join(', ')}
              </p>
            )}
          </>
        }
        small={false}
      />
      {allWarnings.length > 0 && (
        <Alert
          className="fr-mt-2w"
          severity="info"
          title={th.eligibility.warnings}
          description={
            <ul>
              {allWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          small={false}
        />
      )}
    </section>
  );
}

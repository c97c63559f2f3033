import { Link } from 'react-router-dom';
import { usePromotions } from '../api/honours';
import { DISTINCTION_LABELS, PROMOTION_STATUS_LABELS, th } from '../i18n';
import { ApiErrorAlert } from './api-error-alert';
import { frDate } from './format';

export function PromotionsList({ base }: { base: string }) {
  const promotions = usePromotions();
  return (
    <section aria-labelledby="promotions-title">
      <h2 id="promotions-title">{th.promotions.title}</h2>
      {promotions.error && <ApiErrorAlert error={promotions.error} />}
      {promotions.data?.length === 0 && <p>{th.promotions.empty}</p>}
      {promotions.data && promotions.data.length > 0 && (
        <div className="fr-table">
          <table>
            <caption>{th.promotions.title}</caption>
            <thead>
              <tr>
                {th.promotions.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {promotions.data.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`${base}/promotions/${p.id}`}>
                      {DISTINCTION_LABELS[p.distinction]}
                    </Link>
                  </td>
                  <td>{frDate(p.date)}</td>
                  <td>{frDate(p.cutoff)}</td>
                  <td>{PROMOTION_STATUS_LABELS[p.status]}</td>
                  <td>{p.stats.echelons.reduce((s, e) => s + e.retained, 0)}</td>
                  <td>{p.arreteNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

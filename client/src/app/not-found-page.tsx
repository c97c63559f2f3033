import { Link } from 'react-router-dom';
import { t } from '@/lib/i18n';

const page = t.pages.notFound;

export function NotFoundPage() {
  return (
    <>
      <title>{t.app.documentTitle(page.title)}</title>
      <h1>{page.title}</h1>
      <p>{page.description}</p>
      <p>
        <Link to="/console">{page.backHome}</Link>
      </p>
    </>
  );
}

import { t } from '@/lib/i18n';

const page = t.pages.paging;

/** Placeholder until the module is built: says what it will hold, shows no data. */
export function PagingPage() {
  return (
    <>
      <title>{t.app.documentTitle(page.title)}</title>
      <h1>{page.title}</h1>
      <p>{page.description}</p>
    </>
  );
}

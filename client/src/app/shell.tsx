import { fr } from '@codegouvfr/react-dsfr';
import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import './shell.css';

const [brandLine1, brandLine2] = t.app.brandTop;
const brandTop = (
  <>
    {brandLine1}
    <br />
    {brandLine2}
  </>
);
const homeLinkProps = { to: '/console', title: t.app.homeLinkTitle };

interface ShellProps {
  children: ReactNode;
  navigation?: MainNavigationProps.Item[];
  quickAccessItems?: HeaderProps['quickAccessItems'];
  /**
   * The page fills the viewport under the header, edge to edge (the COD console); the footer
   * follows below the fold.
   */
  fullscreen?: boolean;
}

/** DSFR page frame: skip links, header, main content, footer. */
export function Shell({ children, navigation, quickAccessItems, fullscreen = false }: ShellProps) {
  return (
    <>
      <div className={fullscreen ? 'vigie-viewport' : undefined}>
        <SkipLinks
          links={[
            { label: t.app.skipToContent, anchor: '#contenu' },
            ...(navigation
              ? [{ label: t.app.skipToNavigation, anchor: '#fr-header-main-navigation' }]
              : []),
          ]}
        />
        <Header
          brandTop={brandTop}
          homeLinkProps={homeLinkProps}
          serviceTitle={t.app.serviceTitle}
          serviceTagline={t.app.serviceTagline}
          navigation={navigation}
          quickAccessItems={quickAccessItems}
        />
        <main
          id="contenu"
          tabIndex={-1}
          className={fullscreen ? 'vigie-viewport__main' : fr.cx('fr-container', 'fr-py-4w')}
        >
          {children}
        </main>
      </div>
      <Footer
        brandTop={brandTop}
        homeLinkProps={homeLinkProps}
        accessibility="non compliant"
        contentDescription={t.footer.description}
        license={t.footer.attribution}
        bottomItems={[headerFooterDisplayItem]}
      />
    </>
  );
}

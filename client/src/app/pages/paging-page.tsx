import { fr } from '@codegouvfr/react-dsfr';
import type { Crisis, MapFeature } from '@contracts/crisis';
import { useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCrises, useMapFeatures, useServices } from '@/features/crisis/api';
import { useReferenceLayer } from '@/features/map/api/reference-layers';
import { ComposeForm } from '@/features/paging/components/compose/compose-form';
import {
  CommunesAckMap,
  type CommunesMapSlotProps,
} from '@/features/paging/components/follow-up/communes-ack-map';
import { PageFollowUp } from '@/features/paging/components/follow-up/page-follow-up';
import { PagesList } from '@/features/paging/components/pages-list';
import { ReceivedBadge, ReceivedPages } from '@/features/paging/components/received-pages';
import { ReservedAccess } from '@/features/paging/components/reserved-access';
import { usePagingPermissions } from '@/features/paging/hooks/use-paging-permissions';
import { tp } from '@/features/paging/i18n';
import type { PagingPermissions } from '@/features/paging/permissions';
import { t } from '@/lib/i18n';
import { NotFoundPage } from '../not-found-page';
import './paging-page.css';

const NO_CRISES: Crisis[] = [];
const NO_FEATURES: MapFeature[] = [];

/**
 * `/alerte/*`, the SIDPC's paging screens: the list of pages, « Nouvelle alerte » and the live
 * follow-up of one page. The app layer composes here what other features own (crises, their
 * map features, the services, the communes layer) and hands it to the paging feature as props.
 */
export function PagingPage() {
  const permissions = usePagingPermissions();
  return (
    <div className="vigie-paging-page" data-testid="paging-page">
      {/* pages received in the console: shown to whoever is paged, whatever their role */}
      <ReceivedPages canFollow={permissions.canFollow} />
      {!permissions.canFollow ? (
        <ReservedAccess />
      ) : (
        <Routes>
          <Route index element={<ListRoute permissions={permissions} />} />
          <Route path="nouvelle" element={<ComposeRoute permissions={permissions} />} />
          <Route path=":pageId" element={<FollowUpRoute permissions={permissions} />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      )}
    </div>
  );
}

function BackLink() {
  return (
    <p className={fr.cx('fr-mb-2w')}>
      <Link
        to="/alerte"
        className={fr.cx('fr-link', 'fr-icon-arrow-left-line', 'fr-link--icon-left')}
      >
        {tp.back}
      </Link>
    </p>
  );
}

function ListRoute({ permissions }: { permissions: PagingPermissions }) {
  const crises = useCrises().data?.data ?? NO_CRISES;
  return (
    <>
      <title>{t.app.documentTitle(tp.title)}</title>
      <div className="vigie-paging-page__title">
        <h1 className={fr.cx('fr-mb-0')}>{tp.title}</h1>
        <ReceivedBadge />
      </div>
      <PagesList crises={crises} canCompose={permissions.canCompose} />
    </>
  );
}

function ComposeRoute({ permissions }: { permissions: PagingPermissions }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [crisisId, setCrisisId] = useState(() => params.get('crise') ?? '');
  const crises = useCrises();
  const services = useServices();
  const features = useMapFeatures(crisisId || null);
  if (!permissions.canCompose)
    return (
      <>
        <BackLink />
        <ReservedAccess description={tp.noComposeAccess} />
      </>
    );
  return (
    <>
      <title>{t.app.documentTitle(tp.compose.title)}</title>
      <BackLink />
      <ComposeForm
        crises={crises.data?.data ?? NO_CRISES}
        services={services.data ?? []}
        crisisId={crisisId}
        onCrisisChange={setCrisisId}
        features={crisisId ? (features.data?.data ?? NO_FEATURES) : NO_FEATURES}
        featuresLoading={crisisId !== '' && features.isPending}
        onSent={(id) => void navigate(`/alerte/${id}`)}
        onCancel={() => void navigate('/alerte')}
      />
    </>
  );
}

function FollowUpRoute({ permissions }: { permissions: PagingPermissions }) {
  const { pageId = '' } = useParams();
  const crises = useCrises().data?.data ?? NO_CRISES;
  const services = useServices().data ?? [];
  return (
    <>
      <title>{t.app.documentTitle(tp.title)}</title>
      <div className="vigie-paging-page__title vigie-paging-page__title--small">
        <BackLink />
        <ReceivedBadge />
      </div>
      <PageFollowUp
        // another page: a clean filter, selection and map
        key={pageId}
        pageId={pageId}
        crises={crises}
        services={services}
        canRepage={permissions.canCompose}
        canAckOnBehalf={permissions.canAckOnBehalf}
        userId={permissions.userId}
        renderCommunesMap={(props) => <CommunesMapWithLayer {...props} />}
      />
    </>
  );
}

/** The paging map drawn with the communes layer the map feature ships. */
function CommunesMapWithLayer(props: CommunesMapSlotProps) {
  const layer = useReferenceLayer('communes');
  return <CommunesAckMap layer={layer.data} loadError={layer.isError} {...props} />;
}

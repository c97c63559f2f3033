import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useSyncExternalStore } from 'react';
import { Route, Routes } from 'react-router-dom';
import { getSession, subscribeSession } from '@/lib/session';
import '../api';
import { te } from '../i18n';
import { electionAccess } from '../permissions';
import '../styles/elections.css';
import { ScrutinLayout } from './scrutin-layout';
import { ScrutinsList } from './scrutins-list';

/** `/cabinet/elections/*`: scrutins, then per scrutin bureaux, candidatures, participation, results, board. */
export function ElectionsPage() {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const access = electionAccess(session?.user.roles);
  if (!access.read)
    return (
      <>
        <title>{`${te.title} — Vigie`}</title>
        <h1>{te.title}</h1>
        <Alert severity="info" title={te.title} description={te.noAccess} small />
      </>
    );
  return (
    <Routes>
      <Route index element={<ScrutinsList canWrite={access.write} />} />
      <Route path=":id/*" element={<ScrutinLayout canWrite={access.write} />} />
    </Routes>
  );
}

import { fr } from '@codegouvfr/react-dsfr';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useState, type ReactNode } from 'react';
import { SessionRestore } from '@/features/auth/components/session-restore';
import { PageLoader } from './page-loader';
import { createQueryClient } from './query-client';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Suspense
        fallback={
          <div className={fr.cx('fr-container')}>
            <PageLoader />
          </div>
        }
      >
        <SessionRestore>{children}</SessionRestore>
      </Suspense>
    </QueryClientProvider>
  );
}

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  CANDIDATURE_STATUS_LABELS,
  type CandidatureDto,
  type CandidatureKind,
  type CreateCandidatureRequest,
} from '@contracts/elections';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, isApiError } from '@/lib/api-client';
import {
  download,
  electionKeys,
  electionPaths,
  type ScrutinDetail,
  useCandidatureAction,
} from '../api';
import { te } from '../i18n';
import { parseMembers } from '../lib/members';
import { ApiProblems } from './api-problems';
import { parisWhen } from './scrutin-layout';

export function CandidaturesTab({
  scrutin,
  canWrite,
}: {
  scrutin: ScrutinDetail;
  canWrite: boolean;
}) {
  const action = useCandidatureAction(scrutin.id);
  const [refusing, setRefusing] = useState<string | null>(null);
  const [motive, setMotive] = useState('');
  const circos = new Map(scrutin.circonscriptions.map((c) => [c.code, c.label]));
  const receipt = (c: CandidatureDto, kind: 'provisoire' | 'definitif') =>
    void download(electionPaths.receipt(scrutin.id, c.id, kind), `recepisse-${kind}.pdf`);
  return (
    <section aria-labelledby="elections-candidatures-title">
      <h2 id="elections-candidatures-title" className={fr.cx('fr-h4')}>
        {te.nav.candidatures}
      </h2>
      <div className={fr.cx('fr-table', 'fr-table--sm')}>
        <table data-testid="elections-candidatures">
          <caption>{te.candidatures.caption}</caption>
          <thead>
            <tr>
              {te.candidatures.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scrutin.candidatures.length === 0 && (
              <tr>
                <td colSpan={7}>{te.candidatures.empty}</td>
              </tr>
            )}
            {scrutin.candidatures.map((c) => (
              <tr key={c.id}>
                <td>{c.panel ?? '—'}</td>
                <td>{circos.get(c.circonscription) ?? c.circonscription}</td>
                <td>
                  {c.label}
                  {c.etiquette && <span className={fr.cx('fr-text--xs')}> — {c.etiquette}</span>}
                </td>
                <td>{c.nuance ?? '—'}</td>
                <td>{parisWhen(c.depositedAt)}</td>
                <td>
                  <Badge
                    small
                    noIcon
                    severity={
                      c.status === 'refusee'
                        ? 'error'
                        : c.status === 'enregistree'
                          ? 'success'
                          : 'info'
                    }
                  >
                    {CANDIDATURE_STATUS_LABELS[c.status]}
                  </Badge>
                  {c.refusal && (
                    <p className={fr.cx('fr-text--xs', 'fr-mb-0')}>
                      {te.candidatures.appealUntil(parisWhen(c.refusal.appealUntil))}
                    </p>
                  )}
                </td>
                <td>
                  <div className="vigie-elections-actions">
                    {c.provisionalReceipt && (
                      <Button
                        size="small"
                        priority="tertiary"
                        onClick={() => receipt(c, 'provisoire')}
                      >
                        {te.candidatures.receiptP}
                      </Button>
                    )}
                    {c.definitiveReceipt && (
                      <Button
                        size="small"
                        priority="tertiary"
                        onClick={() => receipt(c, 'definitif')}
                      >
                        {te.candidatures.receiptD}
                      </Button>
                    )}
                    {canWrite && c.status === 'deposee' && (
                      <>
                        <Button
                          size="small"
                          onClick={() => action.mutate({ candidatureId: c.id, action: 'register' })}
                        >
                          {te.candidatures.register}
                        </Button>
                        <Button
                          size="small"
                          priority="secondary"
                          onClick={() => setRefusing(refusing === c.id ? null : c.id)}
                        >
                          {te.candidatures.refuse}
                        </Button>
                      </>
                    )}
                  </div>
                  {refusing === c.id && (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        action.mutate(
                          { candidatureId: c.id, action: 'refuse', motive },
                          { onSuccess: () => setRefusing(null) },
                        );
                      }}
                    >
                      <Input
                        label={te.candidatures.motive}
                        nativeInputProps={{
                          value: motive,
                          onChange: (e) => setMotive(e.target.value),
                          required: true,
                          minLength: 5,
                        }}
                      />
                      <Button size="small" type="submit">
                        {te.candidatures.refuse}
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {action.error && <ApiProblems error={isApiError(action.error) ? action.error : null} />}
      {canWrite && <DepositForm scrutin={scrutin} />}
    </section>
  );
}

const KINDS: { value: CandidatureKind; label: string }[] = [
  { value: 'candidat', label: 'Candidat et remplaçant' },
  { value: 'binome', label: 'Binôme' },
  { value: 'liste', label: 'Liste' },
];

function DepositForm({ scrutin }: { scrutin: ScrutinDetail }) {
  const queryClient = useQueryClient();
  const deposit = useMutation({
    mutationFn: (body: CreateCandidatureRequest) =>
      api.post<CandidatureDto>(`/api/elections/scrutins/${scrutin.id}/candidatures`, body),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: electionKeys.scrutin(scrutin.id) }),
  });
  const [f, setF] = useState({
    circonscription: scrutin.circonscriptions[0]?.code ?? '',
    kind: (scrutin.system === 'municipales'
      ? 'liste'
      : scrutin.system === 'departementales'
        ? 'binome'
        : 'candidat') as CandidatureKind,
    title: '',
    etiquette: '',
    nuance: '',
    panel: '',
    depositor: '',
    members: '',
  });
  const [localProblems, setLocalProblems] = useState<string[]>([]);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { members, problems } = parseMembers(f.members);
    setLocalProblems(problems);
    if (problems.length) return;
    deposit.mutate({
      circonscription: f.circonscription,
      kind: f.kind,
      title: f.title || undefined,
      etiquette: f.etiquette || undefined,
      nuance: f.nuance || undefined,
      panel: f.panel ? Number(f.panel) : undefined,
      depositedAt: new Date().toISOString(),
      depositor: f.depositor,
      members,
    });
  };
  return (
    <form onSubmit={submit} className={fr.cx('fr-mt-4w')} data-testid="elections-deposit">
      <h3 className={fr.cx('fr-h6')}>Enregistrer un dépôt de candidature</h3>
      <div className="vigie-elections-grid">
        <Select
          label="Circonscription"
          nativeSelectProps={{ value: f.circonscription, onChange: set('circonscription') }}
        >
          {scrutin.circonscriptions.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </Select>
        <Select label="Type" nativeSelectProps={{ value: f.kind, onChange: set('kind') }}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
        <Input
          label="Titre de la liste"
          nativeInputProps={{ value: f.title, onChange: set('title') }}
        />
        <Input
          label="Étiquette"
          nativeInputProps={{ value: f.etiquette, onChange: set('etiquette') }}
        />
        <Select label="Nuance" nativeSelectProps={{ value: f.nuance, onChange: set('nuance') }}>
          <option value="">—</option>
          {scrutin.nuances.map((n) => (
            <option key={n.code} value={n.code}>
              {n.code} — {n.label}
            </option>
          ))}
        </Select>
        <Input
          label="N° de panneau"
          nativeInputProps={{ type: 'number', min: 1, value: f.panel, onChange: set('panel') }}
        />
        <Input
          label="Déposant ou mandataire"
          nativeInputProps={{
            value: f.depositor,
            onChange: set('depositor'),
            required: true,
            minLength: 2,
          }}
        />
      </div>
      <Input
        textArea
        label="Membres, un par ligne"
        hintText="rôle;rang;sexe;NOM;Prénom;date de naissance — ex. titulaire;1;F;DUPONT;Marie;1970-05-12"
        nativeTextAreaProps={{
          rows: 6,
          value: f.members,
          onChange: set('members'),
          required: true,
        }}
      />
      <Button type="submit" disabled={deposit.isPending}>
        Enregistrer le dépôt
      </Button>
      {localProblems.length > 0 && (
        <Alert
          severity="error"
          small
          className={fr.cx('fr-mt-2w')}
          description={localProblems.join(' ; ')}
        />
      )}
      {deposit.data && (
        <Alert
          severity="success"
          small
          className={fr.cx('fr-mt-2w')}
          description={`Récépissé provisoire n° ${deposit.data.provisionalReceipt?.number ?? ''}`}
        />
      )}
      {deposit.error && (
        <ApiProblems
          error={isApiError(deposit.error) ? deposit.error : null}
          title="Candidature refusée"
        />
      )}
    </form>
  );
}

import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import PDFDocument from 'pdfkit';
import { EntityManager, In } from 'typeorm';
import type { z } from 'zod';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import {
  type CeremonyDto,
  ceremonySchema,
  DISTINCTION_LABELS,
  DOSSIER_STATUS_LABELS,
  echelonLabel,
} from '../contracts/honours';
import { TransactionRunner } from '../database/transaction';
import { pdfText as pdfSafe } from '../logbook/logbook.export';
import { frLongDate } from './dates';
import { DossiersService } from './dossiers.service';
import { HonoursCeremony, HonoursDossier } from './honours.entity';
import type { HonoursFile } from './promotions.service';

/** Recipients must have their distinction (arrêté signed) before it is presented. */
const PRESENTABLE = ['arrete', 'publie', 'notifie', 'remis'] as const;
const ORDERS = ['legion_honneur', 'ordre_merite'];

const parisTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});
const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Ceremonies where insignia are presented and, for LH/ONM, the réception by a member of the
 * order with its procès-verbal; invitations by mail merge.
 */
@Injectable()
export class CeremoniesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dossiers: DossiersService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async list(): Promise<CeremonyDto[]> {
    const rows = await this.manager.find(HonoursCeremony, { order: { date: 'DESC' } });
    return Promise.all(rows.map((c) => this.dto(this.manager, c)));
  }

  async get(id: string): Promise<CeremonyDto> {
    return this.dto(this.manager, await this.require(this.manager, id));
  }

  create(input: z.infer<typeof ceremonySchema>): Promise<CeremonyDto> {
    return this.tx.run(async ({ manager: m }) => {
      const ids = [...new Set(input.dossierIds)];
      const dossiers = await m.find(HonoursDossier, { where: { id: In(ids) } });
      const problems = ids
        .filter((id) => !dossiers.some((d) => d.id === id))
        .map((id) => ({ path: 'dossierIds', message: `no dossier ${id}` }));
      for (const d of dossiers) {
        if (!(PRESENTABLE as readonly string[]).includes(d.status))
          problems.push({
            path: 'dossierIds',
            message: `${d.reference} is « ${DOSSIER_STATUS_LABELS[d.status]} »: its arrêté is not signed`,
          });
        if (input.kind === 'reception' && !ORDERS.includes(d.distinction))
          problems.push({
            path: 'dossierIds',
            message: `${d.reference}: a réception is for the Légion d'honneur or the ordre national du Mérite`,
          });
      }
      if (input.kind === 'reception' && (!input.delegate || !input.delegateGrade))
        problems.push({
          path: 'delegate',
          message:
            'a réception names the member of the order who presents the insignia and their grade',
        });
      if (problems.length) throw new AppError('validation', 'Invalid ceremony', problems);
      const ceremony = await m.save(
        m.create(HonoursCeremony, {
          kind: input.kind,
          title: input.title,
          date: new Date(input.date),
          place: input.place,
          communeInsee: input.communeInsee ?? null,
          presiding: input.presiding,
          delegate: input.delegate ?? null,
          delegateGrade: input.delegateGrade ?? null,
          dossierIds: ids,
        }),
      );
      return this.dto(m, ceremony);
    });
  }

  /** Records that the invitations were sent (the PDF is `invitations.pdf`). */
  sendInvitations(id: string): Promise<CeremonyDto> {
    return this.tx.run(async ({ manager: m }) => {
      const ceremony = await this.require(m, id, true);
      ceremony.invitationsSentAt = new Date();
      await m.save(ceremony);
      return this.dto(m, ceremony);
    });
  }

  /** The ceremony took place: every notified recipient's dossier becomes « remis ». */
  held(id: string, user: AuthUser): Promise<CeremonyDto> {
    return this.tx.run(async ({ manager: m }) => {
      const ceremony = await this.require(m, id, true);
      if (ceremony.status === 'tenue')
        throw new AppError('invalid_transition', 'The ceremony is already recorded as held');
      const dossiers = await m.find(HonoursDossier, { where: { id: In(ceremony.dossierIds) } });
      const waiting = dossiers.filter((d) => d.status !== 'notifie' && d.status !== 'remis');
      if (waiting.length)
        throw new AppError(
          'conflict',
          'Some recipients have not been notified',
          waiting.map((d) => ({
            path: d.reference,
            message: `« ${DOSSIER_STATUS_LABELS[d.status]} »: notify before presenting`,
          })),
        );
      const toMove = dossiers.filter((d) => d.status === 'notifie').map((d) => d.id);
      if (toMove.length)
        await this.dossiers.move(
          m,
          toMove,
          'remis',
          `${ceremony.title} (${parisDay.format(ceremony.date)})`,
          'staff',
          {
            id: user.id,
            name: user.displayName,
          },
        );
      ceremony.status = 'tenue';
      await m.save(ceremony);
      return this.dto(m, ceremony);
    });
  }

  /** `invitations`: one letter per recipient; `pv`: the procès-verbal de réception (LH/ONM). */
  async document(id: string, kind: 'invitations' | 'pv'): Promise<HonoursFile> {
    const ceremony = await this.require(this.manager, id);
    if (kind === 'pv' && ceremony.kind !== 'reception')
      throw new AppError('conflict', 'A procès-verbal is written for a réception (LH/ONM) only');
    const dto = await this.dto(this.manager, ceremony);
    const dossiers = await this.manager.find(HonoursDossier, {
      where: { id: In(ceremony.dossierIds) },
    });
    const pdf = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 56, left: 64, right: 64 },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    const day = parisDay.format(ceremony.date);
    const when = `le ${frLongDate(day)} à ${parisTime.format(ceremony.date)}`;
    dossiers.forEach((d, i) => {
      if (i > 0) pdf.addPage();
      const c = d.candidate;
      const name = `${c.civility} ${c.firstName} ${c.lastName.toLocaleUpperCase('fr')}`;
      const honour = `${DISTINCTION_LABELS[d.distinction]} (${echelonLabel(d.echelon)})`;
      pdf
        .font('Helvetica-Bold')
        .fontSize(10)
        .text('PRÉFET DU PUY-DE-DÔME')
        .text('Cabinet du préfet')
        .moveDown(3);
      pdf.font('Helvetica').fontSize(11);
      if (kind === 'invitations') {
        pdf.text(pdfSafe(name), { align: 'right' }).moveDown(3);
        pdf.text(pdfSafe(`${c.civility === 'Mme' ? 'Madame' : 'Monsieur'},`)).moveDown();
        pdf
          .text(
            pdfSafe(
              `${ceremony.presiding} a le plaisir de vous convier à la cérémonie « ${ceremony.title} », ${when}, ${ceremony.place}, au cours de laquelle vous sera remise la ${honour.charAt(0).toLowerCase()}${honour.slice(1)}.`,
            ),
            { align: 'justify' },
          )
          .moveDown();
        pdf
          .text(
            'Vous pouvez être accompagné(e) de vos proches. Merci de confirmer votre présence auprès du Cabinet.',
          )
          .moveDown(2);
        pdf.text('Le préfet', { align: 'right' });
      } else {
        pdf
          .font('Helvetica-Bold')
          .fontSize(13)
          .text('PROCÈS-VERBAL DE RÉCEPTION', { align: 'center' })
          .moveDown(2);
        pdf
          .font('Helvetica')
          .fontSize(11)
          .text(
            pdfSafe(
              `${when}, ${ceremony.place}, ${ceremony.delegate}, ${ceremony.delegateGrade}, agissant en vertu de la délégation du grand chancelier, a procédé à la réception de ${name} au grade de ${echelonLabel(d.echelon)} dans l'ordre ${d.distinction === 'legion_honneur' ? "de la Légion d'honneur" : 'national du Mérite'}.`,
            ),
            { align: 'justify' },
          )
          .moveDown(3);
        pdf.text('Signature du récipiendaire', 64, undefined, { continued: false }).moveDown(3);
        pdf.text("Signature du membre de l'ordre ayant procédé à la réception").moveDown();
        pdf
          .fontSize(9)
          .text(
            "À adresser à la Grande Chancellerie : l'ancienneté dans le grade court à compter de la réception.",
          );
      }
    });
    if (dossiers.length === 0) pdf.text(pdfSafe(`${dto.title} : aucun récipiendaire`));
    pdf.end();
    return {
      filename: `${kind === 'pv' ? 'proces-verbal' : 'invitations'}-${day}.pdf`,
      contentType: 'application/pdf',
      content: await done,
    };
  }

  private async require(m: EntityManager, id: string, lock = false): Promise<HonoursCeremony> {
    const c = await m.findOne(HonoursCeremony, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!c) throw AppError.notFound('Ceremony');
    return c;
  }

  private async dto(m: EntityManager, c: HonoursCeremony): Promise<CeremonyDto> {
    const dossiers = c.dossierIds.length
      ? await m.find(HonoursDossier, { where: { id: In(c.dossierIds) } })
      : [];
    return {
      id: c.id,
      kind: c.kind,
      title: c.title,
      date: c.date.toISOString(),
      place: c.place,
      communeInsee: c.communeInsee,
      presiding: c.presiding,
      delegate: c.delegate,
      delegateGrade: c.delegateGrade,
      status: c.status,
      invitationsSentAt: c.invitationsSentAt?.toISOString() ?? null,
      recipients: dossiers.map((d) => ({
        id: d.id,
        reference: d.reference,
        name: `${d.candidate.civility} ${d.candidate.lastName.toLocaleUpperCase('fr')} ${d.candidate.firstName}`,
        distinction: d.distinction,
        echelon: d.echelon,
        status: d.status,
      })),
    };
  }
}

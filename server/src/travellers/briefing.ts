/**
 * The weekly briefing of the gens du voyage duty: who is on which aire this week, who arrives
 * next, the open procedures and their deadlines, closed aires, and the year's procedure counts.
 * Pure functions of the records and the week; rendered as PDF for the préfet's meeting.
 */
import PDFDocument from 'pdfkit';
import {
  GRAND_PASSAGE_STATUS_LABELS,
  SETTLEMENT_STATUS_LABELS,
  type Aire,
  type GrandPassage,
  type Settlement,
  type WeeklyBriefing,
} from '../contracts/travellers';
import { pdfText } from '../logbook/logbook.export';
import { addDays, formatIsoDate, formatParis, type IsoDate } from './delays';

const OPEN = ['constate', 'demande_recue', 'mise_en_demeure', 'recours_pendant'];

/** The Monday of the week of `day`. */
export function mondayOf(day: IsoDate): IsoDate {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(m * 10) / 10;
}

export function buildBriefing(
  day: IsoDate,
  passages: GrandPassage[],
  settlements: Settlement[],
  aires: Aire[],
): WeeklyBriefing {
  const weekStart = mondayOf(day);
  const weekEnd = addDays(weekStart, 6);
  const upcomingEnd = addDays(weekEnd, 14);
  const active = passages.filter((p) => p.status !== 'annule');
  const year = Number(day.slice(0, 4));
  const ofYear = settlements.filter((s) => s.observedAt.slice(0, 4) === String(year));
  return {
    weekStart,
    weekEnd,
    // a stay [arrival, departure) meets the week [weekStart, weekEnd]
    passagesThisWeek: active.filter((p) => p.arrival <= weekEnd && p.departure > weekStart),
    passagesUpcoming: active.filter((p) => p.arrival > weekEnd && p.arrival <= upcomingEnd),
    openSettlements: settlements
      .filter((s) => OPEN.includes(s.status))
      .map(
        ({
          id,
          reference,
          communeName,
          place,
          caravans,
          status,
          executionDeadline,
          appealRulingDeadline,
        }) => ({
          id,
          reference,
          communeName,
          place,
          caravans,
          status,
          executionDeadline,
          appealRulingDeadline,
        }),
      ),
    closedAires: aires.flatMap((a) => {
      if (a.status !== 'en_service') return [{ id: a.id, name: a.name, reason: 'Aire fermée' }];
      const c = a.closures.find((x) => x.start <= weekEnd && x.end >= weekStart);
      return c
        ? [
            {
              id: a.id,
              name: a.name,
              reason: `${c.reason} (${formatIsoDate(c.start)} → ${formatIsoDate(c.end)})`,
            },
          ]
        : [];
    }),
    procedures: {
      year,
      total: ofYear.length,
      formalNotices: ofYear.filter((s) => s.notifiedAt).length,
      appeals: ofYear.filter((s) => s.appealFiledAt).length,
      evictions: ofYear.filter((s) => s.evictedAt).length,
      medianHoursToNotice: median(
        ofYear
          .filter((s) => s.notifiedAt && !s.priorSettlementId)
          .map((s) => (Date.parse(s.notifiedAt!) - Date.parse(s.observedAt)) / 3_600_000),
      ),
    },
  };
}

/** `point-gens-du-voyage-2026-07-06.pdf` */
export function briefingFilename(b: WeeklyBriefing): string {
  return `point-gens-du-voyage-${b.weekStart}.pdf`;
}

export function renderBriefingPdf(b: WeeklyBriefing, printedAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: {
      Title: pdfText(
        `Point hebdomadaire gens du voyage — semaine du ${formatIsoDate(b.weekStart)}`,
      ),
      Author: 'Vigie',
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 100;
  const h = (text: string) =>
    pdf
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(pdfText(text), { width })
      .moveDown(0.3);
  const line = (text: string) =>
    pdf
      .font('Helvetica')
      .fontSize(9.5)
      .text(pdfText(`• ${text}`), { width })
      .moveDown(0.15);
  const none = (text: string) =>
    pdf.font('Helvetica-Oblique').fontSize(9.5).text(pdfText(text), { width });

  pdf
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(pdfText('Point hebdomadaire — accueil des gens du voyage'), { width });
  pdf
    .font('Helvetica')
    .fontSize(10)
    .text(
      pdfText(
        `Semaine du ${formatIsoDate(b.weekStart)} au ${formatIsoDate(b.weekEnd)} · édité le ${formatParis(printedAt)}`,
      ),
      { width },
    );

  const passage = (p: GrandPassage) =>
    `${p.groupName} (${p.caravansAnnounced} caravanes annoncées${p.caravansObserved !== null ? `, ${p.caravansObserved} constatées` : ''}) — ${p.aireName ?? 'sans aire'}, du ${formatIsoDate(p.arrival)} au ${formatIsoDate(p.departure)}, ${GRAND_PASSAGE_STATUS_LABELS[p.status].toLowerCase()}${p.conventionSigned ? ', convention signée' : ', convention non signée'}${p.warnings.length ? ` — ALERTES : ${p.warnings.map((w) => w.message).join(' ; ')}` : ''}`;

  h('Grands passages de la semaine');
  if (b.passagesThisWeek.length) b.passagesThisWeek.forEach((p) => line(passage(p)));
  else none('Aucun grand passage cette semaine.');
  h('Arrivées des deux semaines suivantes');
  if (b.passagesUpcoming.length) b.passagesUpcoming.forEach((p) => line(passage(p)));
  else none('Aucune arrivée annoncée.');
  h('Stationnements illicites en cours');
  if (b.openSettlements.length)
    b.openSettlements.forEach((s) =>
      line(
        `${s.reference} — ${s.communeName}, ${s.place} : ${s.caravans} caravanes, ${SETTLEMENT_STATUS_LABELS[s.status].toLowerCase()}${s.executionDeadline ? `, délai d'exécution jusqu'au ${formatParis(new Date(s.executionDeadline))}` : ''}${s.status === 'recours_pendant' && s.appealRulingDeadline ? `, jugement attendu avant le ${formatParis(new Date(s.appealRulingDeadline))} (évacuation suspendue)` : ''}`,
      ),
    );
  else none('Aucune procédure en cours.');
  h('Aires fermées');
  if (b.closedAires.length) b.closedAires.forEach((a) => line(`${a.name} : ${a.reason}`));
  else none('Toutes les aires sont ouvertes.');
  h(`Procédures de l'année ${b.procedures.year}`);
  line(
    `${b.procedures.total} constat(s), ${b.procedures.formalNotices} mise(s) en demeure, ${b.procedures.appeals} recours, ${b.procedures.evictions} évacuation(s) forcée(s)`,
  );
  if (b.procedures.medianHoursToNotice !== null)
    line(
      `Délai médian du constat à la notification de la mise en demeure : ${String(b.procedures.medianHoursToNotice).replace('.', ',')} h`,
    );
  pdf.end();
  return done;
}

/**
 * Rules of the grands passages calendar: late notices (3 months to the préfet, 2 months to the
 * maire and the EPCI, for groups above the caravan threshold), capacity, convention, closures,
 * and overlapping bookings on one aire. Pure functions of the records and the rules in force.
 */
import type {
  GrandPassageStatus,
  GrandPassageWarning,
  TravellersRuleSet,
} from '../contracts/travellers';
import { formatIsoDate, isLateNotice, noticeDeadline, type IsoDate } from './delays';

export interface Booking {
  id: string;
  groupName: string;
  aireId: string | null;
  arrival: IsoDate;
  departure: IsoDate;
  status: GrandPassageStatus;
}

/** Bookings that still hold their aire (a cancelled or finished one frees it). */
const HOLDS_AIRE: readonly GrandPassageStatus[] = ['prevu', 'en_cours'];

/**
 * Whether two stays overlap. A stay occupies [arrival, departure): the departure day is free for
 * the next group, so a Sunday handover is not an overlap.
 */
export function staysOverlap(
  a: Pick<Booking, 'arrival' | 'departure'>,
  b: Pick<Booking, 'arrival' | 'departure'>,
): boolean {
  return a.arrival < b.departure && b.arrival < a.departure;
}

/** The other bookings holding the same aire on overlapping days. */
export function overlappingBookings(candidate: Booking, others: readonly Booking[]): Booking[] {
  if (!candidate.aireId || !HOLDS_AIRE.includes(candidate.status)) return [];
  return others.filter(
    (o) =>
      o.id !== candidate.id &&
      o.aireId === candidate.aireId &&
      HOLDS_AIRE.includes(o.status) &&
      staysOverlap(candidate, o),
  );
}

/** Every pair of overlapping bookings on one aire, for the season's calendar check. */
export function overlapPairs(bookings: readonly Booking[]): [Booking, Booking][] {
  const pairs: [Booking, Booking][] = [];
  const sorted = [...bookings].sort((a, b) => a.arrival.localeCompare(b.arrival));
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (b.arrival >= a.departure) break;
      if (overlappingBookings(a, [b]).length) pairs.push([a, b]);
    }
  });
  return pairs;
}

export interface PassageFacts {
  caravansAnnounced: number;
  arrival: IsoDate;
  departure: IsoDate;
  noticeReceivedOn: IsoDate;
  mayorInformedOn: IsoDate | null;
  conventionSigned: boolean;
  status: GrandPassageStatus;
  aire: {
    capacity: number;
    /** Closures of the aire ([start, end], inclusive days). */
    closures: { start: IsoDate; end: IsoDate; reason: string }[];
    closedForGood: boolean;
  } | null;
}

/** Warnings shown on a grand passage (they do not block recording it). */
export function passageWarnings(
  p: PassageFacts,
  rules: TravellersRuleSet,
  today: IsoDate,
): GrandPassageWarning[] {
  const warnings: GrandPassageWarning[] = [];
  const active = p.status === 'prevu' || p.status === 'en_cours';
  if (p.caravansAnnounced > rules.gp_notice_min_caravans) {
    const prefectMonths = rules.gp_notice_prefect_months;
    if (isLateNotice(p.arrival, p.noticeReceivedOn, prefectMonths))
      warnings.push({
        code: 'late_notice',
        message: `Préavis reçu le ${formatIsoDate(p.noticeReceivedOn)}, moins de ${prefectMonths} mois avant l’arrivée (au plus tard le ${formatIsoDate(noticeDeadline(p.arrival, prefectMonths))})`,
      });
    const mayorMonths = rules.gp_notice_mayor_months;
    if (p.mayorInformedOn) {
      if (isLateNotice(p.arrival, p.mayorInformedOn, mayorMonths))
        warnings.push({
          code: 'late_mayor_information',
          message: `Maire et EPCI informés le ${formatIsoDate(p.mayorInformedOn)}, moins de ${mayorMonths} mois avant l’arrivée`,
        });
    } else if (active) {
      const deadline = noticeDeadline(p.arrival, mayorMonths);
      warnings.push({
        code: 'mayor_not_informed',
        message:
          today > deadline
            ? `Maire et EPCI non informés : l’échéance du ${formatIsoDate(deadline)} est dépassée`
            : `Maire et EPCI à informer au plus tard le ${formatIsoDate(deadline)}`,
      });
    }
  }
  if (!active) return warnings;
  if (!p.aire) {
    warnings.push({ code: 'no_aire', message: 'Aucune aire attribuée' });
    return warnings;
  }
  if (p.caravansAnnounced > p.aire.capacity)
    warnings.push({
      code: 'over_capacity',
      message: `${p.caravansAnnounced} caravanes annoncées pour une capacité de ${p.aire.capacity}`,
    });
  if (!p.conventionSigned)
    warnings.push({
      code: 'convention_missing',
      message:
        today >= p.arrival
          ? 'Convention d’occupation non signée alors que le groupe est arrivé'
          : 'Convention d’occupation à signer avant l’arrivée',
    });
  const closure = p.aire.closures.find((c) => c.start < p.departure && p.arrival <= c.end);
  if (p.aire.closedForGood)
    warnings.push({ code: 'aire_closed', message: 'L’aire attribuée est fermée' });
  else if (closure)
    warnings.push({
      code: 'aire_closed',
      message: `L’aire est fermée du ${formatIsoDate(closure.start)} au ${formatIsoDate(closure.end)} (${closure.reason})`,
    });
  return warnings;
}

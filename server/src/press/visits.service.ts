import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, LessThan, MoreThan, Not } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Visit as VisitDto, VisitConflict, VisitInput, VisitListItem, VisitOfficial } from '../contracts/press';
import type { ElectedOfficial } from '../contracts/territory';
import { TransactionRunner } from '../database/transaction';
import { Commune } from '../reference/commune.entity';
import { OFFICIALS_SOURCE, type OfficialsSource } from './officials';
import { Visit, VisitOfficialNotice, VisitSequence } from './visit.entity';

/** Checks that don't need the database: every sequence inside the visit. */
export function sequenceProblems(input: Pick<VisitInput, 'startsAt' | 'endsAt' | 'sequences'>): ErrorDetail[] {
  const start = new Date(input.startsAt).getTime();
  const end = new Date(input.endsAt).getTime();
  return input.sequences.flatMap((s, i) => {
    const problems: ErrorDetail[] = [];
    if (new Date(s.startsAt).getTime() < start) problems.push({ path: `sequences.${i}.startsAt`, message: 'before the start of the visit' });
    if (new Date(s.endsAt).getTime() > end) problems.push({ path: `sequences.${i}.endsAt`, message: 'after the end of the visit' });
    return problems;
  });
}

/**
 * Visits and trips: programme, communes, the elected officials to inform (from the territorial
 * reference) with their « informé le » ticks, conflicts with other engagements, agenda.
 */
@Injectable()
export class VisitsService {
  constructor(
    private readonly tx: TransactionRunner,
    @Inject(OFFICIALS_SOURCE) private readonly officials: OfficialsSource,
  ) {}

  /** Visits overlapping [from, to] (Paris days), by start. */
  async list(range: { from?: string; to?: string } = {}): Promise<VisitListItem[]> {
    const { data } = await this.tx.snapshot(async (m) => {
      const where = range.from && range.to ? { startsAt: LessThan(dayEnd(range.to)), endsAt: MoreThan(dayStart(range.from)) } : {};
      const visits = await m.find(Visit, { where, order: { startsAt: 'ASC', id: 'ASC' }, take: 1000 });
      const names = await communeNames(m, visits.flatMap((v) => v.communes));
      const notices = await m.find(VisitOfficialNotice, { where: { visitId: In(visits.map((v) => v.id)) } });
      return Promise.all(
        visits.map(async (v) => ({
          ...base(v, names),
          uninformed: Math.max(0, (await this.officialsOf(v)).length - notices.filter((n) => n.visitId === v.id).length),
          conflicts: await conflicts(m, v),
        })),
      );
    });
    return data;
  }

  async get(id: string): Promise<VisitDto> {
    const { data } = await this.tx.snapshot((m) => this.load(m, id));
    return data;
  }

  create(input: VisitInput, user: AuthUser): Promise<VisitDto> {
    return this.tx.run(async ({ manager: m }) => {
      await checkInput(m, input);
      const visit = await m.save(m.create(Visit, { ...fields(input), createdBy: user.id }));
      await saveSequences(m, visit.id, input);
      return this.load(m, visit.id);
    });
  }

  update(id: string, input: VisitInput): Promise<VisitDto> {
    return this.tx.run(async ({ manager: m }) => {
      const visit = await m.findOne(Visit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!visit) throw AppError.notFound('Visit');
      await checkInput(m, input);
      await m.update(Visit, { id }, fields(input));
      await m.delete(VisitSequence, { visitId: id });
      await saveSequences(m, id, input);
      return this.load(m, id);
    });
  }

  /** Ticks (or unticks) « informé le » for one of the visit's officials. */
  inform(id: string, contactId: string, informed: boolean, user: AuthUser): Promise<VisitDto> {
    return this.tx.run(async ({ manager: m }) => {
      const visit = await m.findOne(Visit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!visit) throw AppError.notFound('Visit');
      const official = (await this.officialsOf(visit)).find((o) => o.contactId === contactId);
      if (!official) throw AppError.notFound('Official to inform for this visit');
      if (informed)
        await m
          .createQueryBuilder()
          .insert()
          .into(VisitOfficialNotice)
          .values({ visitId: id, contactId, function: official.function, informedAt: new Date(), informedBy: user.id, informedByName: user.displayName })
          .orIgnore()
          .execute();
      else await m.delete(VisitOfficialNotice, { visitId: id, contactId });
      return this.load(m, id);
    });
  }

  private async officialsOf(v: Pick<Visit, 'communes'>): Promise<ElectedOfficial[]> {
    const o = await this.officials.officialsToInform(v.communes);
    const seen = new Set<string>();
    return [...o.mayors, ...o.deputies, ...o.departmentalCouncillors, ...o.senators].filter((x) => !seen.has(x.contactId) && seen.add(x.contactId));
  }

  private async load(m: EntityManager, id: string): Promise<VisitDto> {
    const v = await m.findOneBy(Visit, { id });
    if (!v) throw AppError.notFound('Visit');
    const names = await communeNames(m, v.communes);
    const sequences = await m.find(VisitSequence, { where: { visitId: id }, order: { startsAt: 'ASC', id: 'ASC' } });
    const notices = new Map((await m.find(VisitOfficialNotice, { where: { visitId: id } })).map((n) => [n.contactId, n]));
    const officials: VisitOfficial[] = (await this.officialsOf(v)).map((o) => ({
      contactId: o.contactId,
      name: o.name,
      function: o.function,
      title: o.title,
      email: o.email,
      mobile: o.mobile,
      informedAt: notices.get(o.contactId)?.informedAt.toISOString() ?? null,
      informedByName: notices.get(o.contactId)?.informedByName ?? null,
    }));
    return {
      ...base(v, names),
      security: v.security,
      notes: v.notes,
      guests: v.guests,
      sequences: sequences.map((s) => ({
        id: s.id,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        place: s.place,
        title: s.title,
        participants: s.participants,
        press: s.press,
        dress: s.dress,
      })),
      officials,
      uninformed: officials.filter((o) => !o.informedAt).length,
      conflicts: await conflicts(m, v),
    };
  }
}

function base(v: Visit, names: Map<string, string>): Omit<VisitListItem, 'uninformed' | 'conflicts'> {
  return {
    id: v.id,
    kind: v.kind,
    authority: v.authority,
    title: v.title,
    startsAt: v.startsAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    communes: v.communes.map((insee) => ({ insee, name: names.get(insee) ?? insee })),
    purpose: v.purpose,
    status: v.status,
  };
}

function fields(input: VisitInput) {
  return {
    kind: input.kind,
    authority: input.authority,
    title: input.title,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    communes: [...new Set(input.communes)],
    purpose: input.purpose ?? null,
    status: input.status,
    security: input.security ?? null,
    notes: input.notes ?? null,
    guests: input.guests ?? null,
  };
}

async function checkInput(m: EntityManager, input: VisitInput): Promise<void> {
  const problems = sequenceProblems(input);
  const known = await communeNames(m, input.communes);
  input.communes.forEach((insee, i) => {
    if (!known.has(insee)) problems.push({ path: `communes.${i}`, message: 'not a commune of the Puy-de-Dôme' });
  });
  if (problems.length) throw new AppError('validation', 'Invalid request', problems);
}

async function saveSequences(m: EntityManager, visitId: string, input: VisitInput): Promise<void> {
  if (input.sequences.length === 0) return;
  await m.insert(
    VisitSequence,
    input.sequences.map((s) => ({
      visitId,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      place: s.place,
      title: s.title,
      participants: s.participants ?? null,
      press: s.press,
      dress: s.dress ?? null,
    })),
  );
}

async function communeNames(m: EntityManager, insees: string[]): Promise<Map<string, string>> {
  if (insees.length === 0) return new Map();
  const rows = await m.find(Commune, { select: { insee: true, name: true }, where: { insee: In([...new Set(insees)]) } });
  return new Map(rows.map((c) => [c.insee, c.name]));
}

/** Other engagements of the corps préfectoral overlapping the visit (cancelled ones aside). */
async function conflicts(m: EntityManager, v: Visit): Promise<VisitConflict[]> {
  if (v.status === 'annulee') return [];
  const others = await m.find(Visit, {
    where: { id: Not(v.id), status: Not('annulee'), startsAt: LessThan(v.endsAt), endsAt: MoreThan(v.startsAt) },
    order: { startsAt: 'ASC' },
  });
  return others.map((o) => ({ visitId: o.id, title: o.title, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() }));
}

const parisOffset = (day: string) => {
  // the offset of Paris at noon that day (CET +01:00 or CEST +02:00)
  const noon = new Date(`${day}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(noon));
  return hour - 12;
};
function dayStart(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - parisOffset(day) * 3600_000);
}
function dayEnd(day: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return dayStart(next.toISOString().slice(0, 10));
}

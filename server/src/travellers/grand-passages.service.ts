import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type {
  GrandPassage as GrandPassageDto,
  GrandPassageInput,
  TravellersRuleSet,
  UpdateGrandPassageInput,
} from '../contracts/travellers';
import { parisDay } from './delays';
import { overlappingBookings, passageWarnings } from './grand-passage-rules';
import { TravellersRulesService } from './travellers-rules.service';
import { Aire, AireClosure, GrandPassage } from './travellers.entity';

type Fields = Omit<GrandPassageInput, 'conventionSigned' | 'status'> &
  Pick<GrandPassage, 'conventionSigned' | 'status'>;

/** The grands passages calendar: bookings of the aires de grand passage and their warnings. */
@Injectable()
export class GrandPassagesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rules: TravellersRulesService,
  ) {}

  /** Passages of a season (arrivals in `year`), by arrival. */
  async list(year?: number): Promise<GrandPassageDto[]> {
    const manager = this.ds.manager;
    const passages = await manager.find(GrandPassage, {
      where: year ? { arrival: Between(`${year}-01-01`, `${year}-12-31`) } : {},
      relations: { aire: true },
      order: { arrival: 'ASC', groupName: 'ASC' },
    });
    return this.toDtos(manager, passages);
  }

  async get(id: string, manager: EntityManager = this.ds.manager): Promise<GrandPassageDto> {
    const passage = await manager.findOne(GrandPassage, {
      where: { id },
      relations: { aire: true },
    });
    if (!passage) throw AppError.notFound('Grand passage');
    const [dto] = await this.toDtos(manager, [passage]);
    return dto;
  }

  create(input: GrandPassageInput): Promise<GrandPassageDto> {
    return this.ds.transaction(async (manager) => {
      const fields: Fields = {
        ...input,
        conventionSigned: input.conventionSigned ?? false,
        status: input.status ?? 'prevu',
      };
      await this.checkAire(manager, null, fields);
      const saved = await manager.save(manager.create(GrandPassage, this.columns(fields)));
      return this.get(saved.id, manager);
    });
  }

  update(id: string, input: UpdateGrandPassageInput): Promise<GrandPassageDto> {
    return this.ds.transaction(async (manager) => {
      const passage = await manager.findOne(GrandPassage, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!passage) throw AppError.notFound('Grand passage');
      if (passage.version !== input.version)
        throw new AppError('stale_version', 'The grand passage was changed by someone else', [
          { path: 'version', message: `current version is ${passage.version}` },
        ]);
      const { version: _version, ...changes } = input;
      const merged: Fields = {
        groupName: changes.groupName ?? passage.groupName,
        mission: changes.mission !== undefined ? changes.mission : passage.mission,
        leaderName: changes.leaderName ?? passage.leaderName,
        leaderPhone: changes.leaderPhone !== undefined ? changes.leaderPhone : passage.leaderPhone,
        caravansAnnounced: changes.caravansAnnounced ?? passage.caravansAnnounced,
        caravansObserved:
          changes.caravansObserved !== undefined
            ? changes.caravansObserved
            : passage.caravansObserved,
        arrival: changes.arrival ?? passage.arrival,
        departure: changes.departure ?? passage.departure,
        aireId: changes.aireId !== undefined ? changes.aireId : passage.aireId,
        noticeReceivedOn: changes.noticeReceivedOn ?? passage.noticeReceivedOn,
        mayorInformedOn:
          changes.mayorInformedOn !== undefined ? changes.mayorInformedOn : passage.mayorInformedOn,
        conventionSigned: changes.conventionSigned ?? passage.conventionSigned,
        status: changes.status ?? passage.status,
        notes: changes.notes !== undefined ? changes.notes : passage.notes,
      };
      if (merged.departure <= merged.arrival)
        throw new AppError('validation', 'Invalid dates', [
          { path: 'departure', message: 'must be after the arrival' },
        ]);
      await this.checkAire(manager, id, merged);
      Object.assign(passage, this.columns(merged), { version: passage.version + 1 });
      await manager.save(passage);
      return this.get(id, manager);
    });
  }

  /**
   * The aire must exist and be an aire de grand passage, and no other active booking may hold
   * it on overlapping days (409 naming them). The aire row is locked so two concurrent bookings
   * of the same days cannot both pass.
   */
  private async checkAire(manager: EntityManager, id: string | null, p: Fields): Promise<void> {
    if (!p.aireId) return;
    const aire = await manager.findOne(Aire, {
      where: { id: p.aireId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!aire)
      throw new AppError('validation', 'Unknown aire', [
        { path: 'aireId', message: 'no such aire' },
      ]);
    if (aire.kind !== 'grand_passage')
      throw new AppError('validation', 'Not an aire de grand passage', [
        { path: 'aireId', message: `${aire.name} is not an aire de grand passage` },
      ]);
    const others = await manager.find(GrandPassage, {
      where: { aireId: aire.id, status: In(['prevu', 'en_cours']) },
    });
    const clashes = overlappingBookings(
      {
        id: id ?? '',
        groupName: p.groupName,
        aireId: aire.id,
        arrival: p.arrival,
        departure: p.departure,
        status: p.status,
      },
      others,
    );
    if (clashes.length)
      throw new AppError(
        'conflict',
        `${aire.name} is already booked on overlapping days`,
        clashes.map((c) => ({
          path: 'aireId',
          message: `${c.groupName}: ${c.arrival} → ${c.departure}`,
        })),
      );
  }

  private columns(p: Fields): Partial<GrandPassage> {
    return {
      groupName: p.groupName,
      mission: p.mission ?? null,
      leaderName: p.leaderName,
      leaderPhone: p.leaderPhone ?? null,
      caravansAnnounced: p.caravansAnnounced,
      caravansObserved: p.caravansObserved ?? null,
      arrival: p.arrival,
      departure: p.departure,
      aireId: p.aireId ?? null,
      noticeReceivedOn: p.noticeReceivedOn,
      mayorInformedOn: p.mayorInformedOn ?? null,
      conventionSigned: p.conventionSigned,
      status: p.status,
      notes: p.notes ?? null,
    };
  }

  private async toDtos(
    manager: EntityManager,
    passages: GrandPassage[],
  ): Promise<GrandPassageDto[]> {
    const today = parisDay(new Date());
    const aireIds = [...new Set(passages.map((p) => p.aireId).filter((x): x is string => !!x))];
    const closures = aireIds.length
      ? await manager.find(AireClosure, { where: { aireId: In(aireIds) } })
      : [];
    const ruleCache = new Map<string, TravellersRuleSet>();
    const dtos: GrandPassageDto[] = [];
    for (const p of passages) {
      // the notice rules in force when the notice was received
      const rules =
        ruleCache.get(p.noticeReceivedOn) ?? (await this.rules.at(manager, p.noticeReceivedOn));
      ruleCache.set(p.noticeReceivedOn, rules);
      const warnings = passageWarnings(
        {
          ...p,
          aire: p.aire
            ? {
                capacity: p.aire.capacity,
                closures: closures.filter((c) => c.aireId === p.aireId),
                closedForGood: p.aire.status === 'fermee',
              }
            : null,
        },
        rules,
        today,
      );
      dtos.push({
        id: p.id,
        groupName: p.groupName,
        mission: p.mission,
        leaderName: p.leaderName,
        leaderPhone: p.leaderPhone,
        caravansAnnounced: p.caravansAnnounced,
        caravansObserved: p.caravansObserved,
        arrival: p.arrival,
        departure: p.departure,
        aireId: p.aireId,
        aireName: p.aire?.name ?? null,
        noticeReceivedOn: p.noticeReceivedOn,
        mayorInformedOn: p.mayorInformedOn,
        conventionSigned: p.conventionSigned,
        status: p.status,
        notes: p.notes,
        version: p.version,
        warnings,
      });
    }
    return dtos;
  }
}

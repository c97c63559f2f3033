import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { CreateDgoRequest, Dgo } from '../contracts/road-safety';
import { TransactionRunner } from '../database/transaction';
import { GrantAxis } from '../grants/grant.entity';
import { GrantsService } from '../grants/grants.service';
import { RoadSafetyDgo } from './accident.entity';

/**
 * The DGO (document général d'orientations, 5 years). Its stakes are the PDASR axes of the
 * grants engine: every PDASR action must serve at least one of them.
 */
@Injectable()
export class DgoService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly grants: GrantsService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  async list(): Promise<Dgo[]> {
    const dgos = await this.manager.find(RoadSafetyDgo, { order: { startYear: 'DESC' } });
    return Promise.all(dgos.map((d) => this.toDto(this.manager, d)));
  }

  create(input: CreateDgoRequest): Promise<Dgo> {
    return this.tx.run(async ({ manager }) => {
      const overlapping = await manager
        .createQueryBuilder(RoadSafetyDgo, 'd')
        .where('d.start_year <= :end AND d.end_year >= :start', {
          start: input.startYear,
          end: input.endYear,
        })
        .getOne();
      if (overlapping)
        throw new AppError('conflict', 'A DGO already covers these years', [
          {
            path: 'startYear',
            message: `${overlapping.title} (${overlapping.startYear}–${overlapping.endYear})`,
          },
        ]);
      const codes = input.stakes.map((s) => s.code);
      if (new Set(codes).size !== codes.length)
        throw new AppError('validation', 'Invalid DGO', [
          { path: 'stakes', message: 'two stakes share a code' },
        ]);
      const dgo = await manager.save(
        manager.create(RoadSafetyDgo, {
          startYear: input.startYear,
          endYear: input.endYear,
          title: input.title,
          orientations: input.orientations ?? null,
          adoptedOn: input.adoptedOn ?? null,
          targetKilledPerYear: input.targetKilledPerYear ?? null,
        }),
      );
      for (const stake of input.stakes)
        await this.grants.createAxisIn(manager, {
          fund: 'pdasr',
          code: stake.code,
          label: stake.label,
          description: stake.description,
          fromYear: input.startYear,
          toYear: input.endYear,
        });
      return this.toDto(manager, dgo);
    });
  }

  private async toDto(m: EntityManager, d: RoadSafetyDgo): Promise<Dgo> {
    const stakes = await m.find(GrantAxis, {
      where: { fund: 'pdasr', fromYear: d.startYear, toYear: d.endYear },
      order: { code: 'ASC' },
    });
    const killed = (await m.query(
      'SELECT year, COALESCE(SUM(killed), 0)::int AS killed FROM road_accident WHERE year BETWEEN $1 AND $2 GROUP BY year ORDER BY year',
      [d.startYear, d.endYear],
    )) as { year: number; killed: number }[];
    return {
      id: d.id,
      startYear: d.startYear,
      endYear: d.endYear,
      title: d.title,
      orientations: d.orientations,
      adoptedOn: d.adoptedOn,
      targetKilledPerYear: d.targetKilledPerYear,
      stakes: stakes.map((s) => ({ code: s.code, label: s.label, description: s.description })),
      killedByYear: killed.map((k) => ({ ...k, target: d.targetKilledPerYear })),
    };
  }
}

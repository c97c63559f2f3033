import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { Crisis as CrisisDto } from '../contracts/crisis';
import { TransactionRunner } from '../database/transaction';
import { crisisAudience } from './audience';
import { Crisis } from './crisis.entity';
import type { CreateCrisisInput, UpdateCrisisInput } from './crises.dto';

export function toCrisisDto(c: Crisis): CrisisDto {
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    status: c.status,
    exercise: c.exercise,
    description: c.description,
    createdAt: c.createdAt.toISOString(),
    createdBy: c.createdBy,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class CrisesService {
  constructor(
    @InjectRepository(Crisis) private readonly crises: Repository<Crisis>,
    private readonly tx: TransactionRunner,
  ) {}

  list(): Promise<{ data: CrisisDto[]; seq: number }> {
    return this.tx.snapshot(async (m) =>
      (await m.find(Crisis, { order: { status: 'DESC', createdAt: 'DESC' } })).map(toCrisisDto),
    );
  }

  async get(id: string): Promise<CrisisDto> {
    return toCrisisDto(await this.require(this.crises.manager, id));
  }

  /** The crisis, or a 404 (other modules check their crisisId through this). */
  async require(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Crisis> {
    const crisis = await manager.findOne(Crisis, {
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!crisis) throw AppError.notFound('Crisis');
    return crisis;
  }

  create(input: CreateCrisisInput, user: AuthUser): Promise<CrisisDto> {
    return this.tx.run(async (tx) => {
      const crisis = await tx.manager.save(
        tx.manager.create(Crisis, { ...input, description: input.description ?? null, createdBy: user.id, status: 'open' }),
      );
      const dto = toCrisisDto(crisis);
      tx.emit('crisis.created', dto, crisisAudience());
      return dto;
    });
  }

  update(id: string, input: UpdateCrisisInput): Promise<CrisisDto> {
    return this.tx.run(async (tx) => {
      const crisis = await tx.manager.findOne(Crisis, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!crisis) throw AppError.notFound('Crisis');
      if (input.title !== undefined) crisis.title = input.title;
      if (input.description !== undefined) crisis.description = input.description;
      if (input.status !== undefined && input.status !== crisis.status) {
        crisis.status = input.status;
        crisis.closedAt = input.status === 'closed' ? new Date() : null;
      }
      await tx.manager.save(crisis);
      const dto = toCrisisDto(crisis);
      tx.emit('crisis.updated', dto, crisisAudience());
      return dto;
    });
  }
}

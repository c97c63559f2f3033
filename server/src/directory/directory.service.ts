import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Service } from './service.entity';

@Injectable()
export class DirectoryService {
  constructor(@InjectRepository(Service) private readonly services: Repository<Service>) {}

  list(): Promise<Service[]> {
    return this.services.find({ order: { name: 'ASC' } });
  }

  /** Every service by code. */
  async byCode(manager: EntityManager): Promise<Map<string, Service>> {
    return new Map((await manager.find(Service)).map((s) => [s.code, s]));
  }
}

/** Inserts the services missing by code (reference data, idempotent). */
export async function ensureServices(
  manager: EntityManager,
  services: readonly Pick<Service, 'code' | 'name' | 'kind'>[],
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(Service)
    .values([...services])
    .orIgnore()
    .execute();
}

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

  /** Inserts services missing by code; returns them all by code. */
  async ensure(manager: EntityManager, services: Pick<Service, 'code' | 'name' | 'kind'>[]): Promise<Map<string, Service>> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Service)
      .values(services)
      .orIgnore()
      .execute();
    const all = await manager.find(Service);
    return new Map(all.map((s) => [s.code, s]));
  }
}

import type { EntityManager } from 'typeorm';
import { ensureServices } from '../directory/directory.service';
import { SERVICES_63 } from '../directory/services-63';
import { Commune } from '../reference/commune.entity';
import { ReferenceService } from '../reference/reference.service';
import { seedTerritory } from '../reference/territory.service';

/** Reference data every install needs (communes and their territory, services), loaded at each start, idempotently. */
export async function seedReferenceData(manager: EntityManager): Promise<void> {
  await new ReferenceService(manager.getRepository(Commune)).seedCommunes(manager);
  await seedTerritory(manager);
  await ensureServices(manager, SERVICES_63);
}

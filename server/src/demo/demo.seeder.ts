import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TransactionRunner } from '../database/transaction';
import { seedDemoDirection } from '../direction/demo-direction';
import { seedDemoDirectory } from '../directory/demo-directory';
import { seedDemoElections } from '../elections/demo-elections';
import { seedDemoTravellers } from '../travellers/demo-travellers';
import { DirectoryService } from '../directory/directory.service';
import { seedDemoHonours } from '../honours/demo-honours';
import { seedDemoPress } from '../press/demo-press';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_ACCOUNTS } from './demo-data';
import { seedDemoInterventions } from '../interventions/demo-interventions';
import { seedDemoFireRescue } from '../fire-rescue/demo-fire-rescue';
import { seedDemoPrevention } from '../prevention/demo-prevention';
import { seedDemoRoadSafety } from '../road-safety/demo-road-safety';

/** Seeds one demo account per role (VIGIE_DEMO), idempotently. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly directory: DirectoryService,
    private readonly users: UsersService,
  ) {}

  async seed(): Promise<number> {
    return this.tx.run(async (tx) => {
      // replicas starting together on a fresh database seed one after the other
      await tx.manager.query('SELECT pg_advisory_xact_lock(6300003)');
      const services = await this.directory.byCode(tx.manager);
      let created = 0;
      for (const account of DEMO_ACCOUNTS) {
        if (await tx.manager.existsBy(User, { email: account.email })) continue;
        await this.users.createIn(tx, {
          email: account.email,
          displayName: account.displayName,
          roles: account.roles,
          password: this.config.VIGIE_DEMO_PASSWORD,
          serviceId: account.service ? services.get(account.service)!.id : null,
        });
        created++;
      }
      if (created) this.logger.log(`seeded ${created} demo accounts`);
      const { contacts } = await seedDemoDirectory(tx.manager, new Date());
      if (contacts) this.logger.log(`seeded ${contacts} demo contacts (mayors, deputies, on-duty officers)`);
      const direction = await seedDemoDirection(tx.manager, new Date());
      if (direction.contacts || direction.lists) this.logger.log(`seeded the director's phone and ${direction.lists} diffusion list(s)`);
      const honours = await seedDemoHonours(tx.manager, new Date());
      if (honours) this.logger.log(`seeded ${honours} demo honours dossiers (médaille d'honneur du travail)`);
      if (contacts)
        this.logger.log(`seeded ${contacts} demo contacts (mayors, deputies, on-duty officers)`);
      const elections = await seedDemoElections(tx.manager, new Date());
      if (elections.scrutins)
        this.logger.log(
          `seeded ${elections.scrutins} demo scrutins (${elections.bureaux} bureaux)`,
        );
      const { journalists } = await seedDemoPress(tx.manager, new Date());
      if (journalists) this.logger.log(`seeded the press demo (${journalists} journalists, communiqués, visits, RAA)`);
      const interventions = await seedDemoInterventions(tx.manager, new Date());
      if (interventions) this.logger.log(`seeded ${interventions} demo interventions`);
      const cis = await seedDemoFireRescue(tx.manager, new Date());
      if (cis) this.logger.log(`seeded ${cis} demo fire stations (CIS) and their sectors`);
      await seedDemoPrevention(tx.manager, new Date());
      await seedDemoRoadSafety(tx.manager, new Date());
      const { aires } = await seedDemoTravellers(tx.manager, new Date());
      if (aires) this.logger.log(`seeded ${aires} demo aires (gens du voyage)`);
      return created;
    });
  }
}

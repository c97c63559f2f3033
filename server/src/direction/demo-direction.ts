/**
 * Demo data of the direction module (VIGIE_DEMO), idempotent: the demo director's phone (a
 * contact linked to `directeur@vigie.test`, so decisions reach it by web push and SMS) and a
 * diffusion list for points de situation (fictitious people, e-mails on the reserved
 * `demo.vigie.test` domain, mobiles in ARCEP's fiction range). Decisions and points de
 * situation themselves are made live during an exercise.
 */
import type { EntityManager } from 'typeorm';
import { ContactGroup, ContactGroupMember } from '../directory/contact-group.entity';
import { Contact } from '../directory/contact.entity';
import { DEMO_EMAIL_DOMAIN } from '../directory/demo-directory';
import { User } from '../users/user.entity';

export const DEMO_DIFFUSION_LIST = 'Diffusion des points de situation';
const DIRECTOR_EMAIL = 'directeur@vigie.test';

const DIFFUSION: { name: string; title: string; email: string }[] = [
  { name: 'Permanence COGIC', title: 'Centre opérationnel de gestion interministérielle des crises', email: 'cogic.permanence' },
  { name: 'Permanence COZ Sud-Est', title: 'Centre opérationnel de zone', email: 'coz.permanence' },
  { name: 'Sous-préfecture de Riom', title: 'Cabinet du sous-préfet', email: 'sp.riom' },
  { name: 'Sous-préfecture de Thiers', title: 'Cabinet du sous-préfet', email: 'sp.thiers' },
  { name: 'Sous-préfecture d’Issoire', title: 'Cabinet du sous-préfet', email: 'sp.issoire' },
  { name: 'Sous-préfecture d’Ambert', title: 'Cabinet du sous-préfet', email: 'sp.ambert' },
];

export async function seedDemoDirection(manager: EntityManager, now: Date): Promise<{ contacts: number; lists: number }> {
  let contacts = 0;
  let lists = 0;
  const director = await manager.findOne(User, { where: { email: DIRECTOR_EMAIL } });
  if (director && !(await manager.existsBy(Contact, { userId: director.id }))) {
    await manager.insert(Contact, {
      name: director.displayName,
      function: 'cadre',
      title: 'Directeur de cabinet du préfet',
      mobile: '+33639989900',
      email: `directeur.cabinet@${DEMO_EMAIL_DOMAIN}`,
      userId: director.id,
      active: true,
    });
    contacts++;
  }
  if (!(await manager.existsBy(ContactGroup, { name: DEMO_DIFFUSION_LIST }))) {
    const ids: string[] = [];
    for (const d of DIFFUSION) {
      const email = `${d.email}@${DEMO_EMAIL_DOMAIN}`;
      const existing = await manager.findOne(Contact, { where: { email } });
      if (existing) ids.push(existing.id);
      else {
        const row = await manager.save(manager.create(Contact, { name: d.name, function: 'cadre', title: d.title, email, active: true }));
        ids.push(row.id);
        contacts++;
      }
    }
    const group = await manager.save(
      manager.create(ContactGroup, {
        name: DEMO_DIFFUSION_LIST,
        description: 'Destinataires des points de situation validés (courriel, PDF joint).',
        updatedAt: now,
      }),
    );
    await manager.insert(
      ContactGroupMember,
      ids.map((contactId) => ({ groupId: group.id, contactId })),
    );
    lists++;
  }
  return { contacts, lists };
}

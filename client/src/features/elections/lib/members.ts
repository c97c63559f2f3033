/**
 * Members typed one per line in the deposit form: `titulaire;1;F;DUPONT;Marie;1970-05-12`
 * (role, rank, sex, last name, first name, birth date; `remplacant` for a remplaçant).
 */
import type { CandidateMember } from '@contracts/elections';

export function parseMembers(text: string): { members: CandidateMember[]; problems: string[] } {
  const members: CandidateMember[] = [];
  const problems: string[] = [];
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const [role, rank, sex, lastName, firstName, birthDate] = line
        .split(/[;\t]/)
        .map((c) => c.trim());
      const where = `Ligne ${i + 1}`;
      if (role !== 'titulaire' && role !== 'remplacant')
        problems.push(`${where} : rôle « titulaire » ou « remplacant »`);
      else if (!/^\d+$/.test(rank ?? '')) problems.push(`${where} : rang numérique attendu`);
      else if (sex !== 'F' && sex !== 'M') problems.push(`${where} : sexe F ou M`);
      else if (!lastName || !firstName) problems.push(`${where} : nom et prénom`);
      else if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate))
        problems.push(`${where} : date de naissance AAAA-MM-JJ`);
      else
        members.push({
          role,
          rank: Number(rank),
          sex,
          lastName,
          firstName,
          birthDate,
          ...(role === 'remplacant' ? { replaces: Number(rank) } : {}),
        });
    });
  return { members, problems };
}

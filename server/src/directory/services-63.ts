/** The services of the Puy-de-Dôme the COD tasks and pages, seeded at every start (by code). */
export const SERVICES_63 = [
  {
    code: 'SDIS63',
    name: "Service départemental d'incendie et de secours (SDIS 63)",
    kind: 'secours',
  },
  { code: 'SAMU63', name: 'SAMU 63 – CHU de Clermont-Ferrand', kind: 'sante' },
  {
    code: 'GGD63',
    name: 'Groupement de gendarmerie départementale du Puy-de-Dôme',
    kind: 'securite',
  },
  {
    code: 'DIPN63',
    name: 'Direction interdépartementale de la police nationale (DIPN 63)',
    kind: 'securite',
  },
  { code: 'DDT63', name: 'Direction départementale des territoires (DDT 63)', kind: 'etat' },
  { code: 'DIRMC', name: 'Direction interdépartementale des routes Massif Central', kind: 'etat' },
  {
    code: 'ARS63',
    name: 'Agence régionale de santé – délégation départementale du Puy-de-Dôme',
    kind: 'sante',
  },
  {
    code: 'DSDEN63',
    name: "Services départementaux de l'Éducation nationale (DSDEN 63)",
    kind: 'etat',
  },
  {
    code: 'DDETS63',
    name: "Direction départementale de l'emploi, du travail et des solidarités",
    kind: 'etat',
  },
  { code: 'CD63', name: 'Conseil départemental du Puy-de-Dôme', kind: 'collectivite' },
  { code: 'METEO', name: 'Météo-France – centre météorologique de Clermont-Ferrand', kind: 'etat' },
  { code: 'ENEDIS', name: 'Enedis – direction régionale Auvergne', kind: 'operateur' },
  { code: 'GRDF', name: 'GRDF – Auvergne', kind: 'operateur' },
  { code: 'SNCF', name: 'SNCF Réseau – Auvergne', kind: 'operateur' },
] as const;

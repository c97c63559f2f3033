/** Strings of the public security & prevention screens, French first. */
export const tpv = {
  title: 'Sécurité publique et prévention de la délinquance',
  intro:
    'Instances locales de prévention (CLSPD, CISPD), obligation calculée à partir de la population, appels à projets FIPD et MILDECA.',
  tabs: { bodies: 'CLSPD et CISPD', fipd: 'FIPD', mildeca: 'MILDECA' },
  obligation: {
    title: 'Obligation de CLSPD',
    intro: (threshold: number, coordinator: number) =>
      `Un CLSPD est obligatoire dans les communes de plus de ${new Intl.NumberFormat('fr-FR').format(threshold)} habitants et dans celles qui comprennent un quartier prioritaire ; un coordonnateur au-delà de ${new Intl.NumberFormat('fr-FR').format(coordinator)} habitants.`,
    missing: (n: number) =>
      n === 0
        ? 'Toutes les communes concernées sont couvertes.'
        : `${n} commune${n > 1 ? 's' : ''} concernée${n > 1 ? 's' : ''} sans instance.`,
    caption: 'Communes soumises à l’obligation',
    commune: 'Commune',
    population: 'Population',
    reason: 'Motif',
    status: 'Situation',
    coveredBy: 'Instance',
    covered: 'Couverte',
    uncovered: 'Sans instance',
    noCoordinator: 'Coordonnateur manquant',
    reasons: { population: 'Population', qpv: 'QPV' },
  },
  bodies: {
    title: 'Instances',
    caption: 'CLSPD, CISPD et CDPD',
    name: 'Instance',
    kind: 'Type',
    communes: 'Communes couvertes',
    chair: 'Présidence',
    coordinator: 'Coordonnateur',
    lastMeeting: 'Dernière réunion',
    dormant: 'Sans réunion depuis un an',
    none: 'Aucune',
    meetings: 'Réunions',
    open: 'Voir',
  },
  meeting: {
    title: (name: string) => `Réunions — ${name}`,
    heldOn: 'Date',
    kind: 'Formation',
    subject: 'Objet',
    minutes: 'Compte-rendu',
    add: 'Enregistrer la réunion',
    prefect: 'Préfet ou son représentant présent',
    close: 'Fermer',
  },
  newBody: {
    title: 'Créer une instance',
    name: 'Nom',
    kind: 'Type',
    communes: 'Communes couvertes (codes INSEE séparés par des virgules)',
    chair: 'Présidence',
    coordinator: 'Coordonnateur (facultatif)',
    createdOn: 'Date de création',
    submit: 'Créer l’instance',
  },
  error: 'La demande a été refusée',
  loading: 'Chargement…',
  loadError: 'Impossible de charger les données.',
};

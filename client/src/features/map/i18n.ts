/** The map's strings, French first (kept here rather than in lib/i18n.ts: the map is one feature). */
export {
  INCIDENT_KIND_LABELS,
  INCIDENT_SEVERITY_LABELS as SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
} from '@contracts/crisis';

const nf = new Intl.NumberFormat('fr-FR');
export const formatNumber = (n: number) => nf.format(n);

export const tm = {
  region: 'Carte opérationnelle',
  description:
    'Carte du Puy-de-Dôme : limites administratives, hôpitaux, événements, périmètres et points de la crise. ' +
    'Les événements dessinés sur la carte ne sont pas accessibles un par un au clavier : ' +
    'ils sont tous repris dans la liste des événements de la console, qui permet de les sélectionner. ' +
    'Les flèches du clavier déplacent la carte lorsqu’elle a le focus, les touches plus et moins changent le zoom.',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  closePopup: 'Fermer la fiche',
  attribution: 'Limites : IGN – ADMIN EXPRESS ; hôpitaux : FINESS',
  layers: {
    button: 'Couches',
    title: 'Couches affichées',
    tiles: 'Fond de carte',
    departement: 'Limite du département',
    arrondissements: 'Arrondissements',
    communes: 'Communes',
    hospitals: 'Hôpitaux',
    features: 'Périmètres, zones et points',
    incidents: 'Événements',
    tasks: 'Missions en cours (nombre)',
  },
  legend: {
    button: 'Légende',
    title: 'Légende',
    severity: 'Gravité des événements',
    cluster:
      'Groupe d’événements (nombre ; couleur de la gravité la plus forte) — cliquer pour zoomer',
    selected: 'Élément sélectionné',
    closed: 'Événement clos (atténué)',
    kinds: 'Types d’événements (lettres sur les pastilles)',
    features: 'Périmètres, zones et points',
    reference: 'Repères',
    hospital: 'Hôpital',
    tasks: 'Nombre de missions en cours sur un événement',
    departement: 'Limite du département',
    arrondissement: 'Limite d’arrondissement',
    commune: 'Limite de commune',
  },
  search: {
    label: 'Rechercher une commune',
    placeholder: 'Commune ou code INSEE',
    results: (n: number) =>
      n === 0 ? 'Aucune commune trouvée' : n === 1 ? '1 commune trouvée' : `${n} communes trouvées`,
    population: (population: number) => `${formatNumber(population)} hab.`,
    shown: (name: string) => `Carte centrée sur ${name}`,
  },
  draw: {
    title: 'Dessiner sur la carte',
    kind: 'Type d’objet',
    polygon: 'Tracer un périmètre',
    line: 'Tracer un itinéraire',
    point: 'Placer un point',
    cancel: 'Annuler le tracé',
    helpPolygon:
      'Cliquez sur la carte pour placer chaque sommet, puis sur le premier sommet (ou Entrée) pour fermer le périmètre. Échap pour annuler.',
    helpLine:
      'Cliquez sur la carte pour placer chaque point, puis sur le dernier point (ou Entrée) pour terminer. Échap pour annuler.',
    helpPoint: 'Cliquez sur la carte à l’emplacement du point. Échap pour annuler.',
    invalid:
      'Tracé trop court : il faut au moins trois sommets pour un périmètre, deux points pour un itinéraire.',
    done: (kind: string) => `Tracé terminé : ${kind}.`,
  },
  placing: {
    hint: 'Cliquez sur la carte à l’emplacement de l’événement (ou Entrée, carte active, pour son centre).',
  },
  tooltip: {
    severity: (label: string) => `Gravité : ${label}`,
    status: (label: string) => `Statut : ${label}`,
    cluster: (count: number, severity: string) =>
      `${formatNumber(count)} événements — gravité maximale : ${severity}`,
    clusterHint: 'Cliquer pour zoomer',
    population: (population: number, communes: number) =>
      `Population concernée : ${formatNumber(population)} hab. (${formatNumber(communes)} commune${communes > 1 ? 's' : ''})`,
    noImpact: 'Population concernée : non calculée',
    commune: (name: string, population: number) => `${name} — ${formatNumber(population)} hab.`,
    hospitalCommune: (name: string) => `Commune : ${name}`,
    hospitalCategory: (name: string) => `Catégorie : ${name}`,
  },
} as const;

/** Strings of the fire and rescue screens (French). Labels shared with the server come from the contract. */
export {
  CIS_CATEGORY_LABELS,
  DOCUMENT_STATE_LABELS,
  FRAMEWORK_DOCUMENT_LABELS,
  STAT_NATURE_LABELS,
} from '@contracts/fire-rescue';

export const tf = {
  title: 'Incendie et secours',
  intro:
    'Contrôle du SDIS 63 : centres d’incendie et de secours, secteurs de premier appel, documents cadres (SDACR, règlement opérationnel), statistiques d’interventions.',
  tabs: {
    cis: 'Centres',
    sectors: 'Secteurs de premier appel',
    documents: 'Documents cadres',
    stats: 'Statistiques',
  },
  loading: 'Chargement…',
  error: 'Erreur',
  fictitious: 'Fictif (démo)',
  cis: {
    caption: 'Centres d’incendie et de secours',
    cols: [
      'Centre',
      'Catégorie',
      'Commune',
      'Groupement',
      'Communes défendues',
      'Population défendue',
      'SPP',
      'SPV',
    ],
    count: (n: number) => `${n} centres`,
  },
  sectors: {
    complete: 'Chaque commune relève d’un et d’un seul centre de premier appel.',
    incomplete: (n: number) => `${n} commune(s) sans centre de premier appel`,
    covered: (covered: number, total: number) => `${covered} communes couvertes sur ${total}`,
    missingCaption: 'Communes sans secteur',
    importTitle: 'Importer la sectorisation (CSV)',
    importHint:
      'Colonnes « commune » (code INSEE) et « cis » (code du centre), séparateur « ; ». Tout ou rien : la moindre erreur refuse le fichier.',
    csv: 'Contenu du fichier CSV',
    file: 'Ou choisir un fichier',
    requireComplete: 'Le fichier doit couvrir toutes les communes (remplace la sectorisation)',
    submit: 'Importer',
    done: (n: number) => `${n} communes affectées.`,
    refused: 'Fichier refusé : rien n’a été importé',
  },
  documents: {
    caption: 'Documents cadres',
    cols: ['Document', 'Version', 'Approuvé le', 'Arrêté', 'Révision avant le', 'État'],
    current: 'version en vigueur',
    daysLeft: (n: number) => (n < 0 ? `dépassée de ${-n} jours` : `dans ${n} jours`),
    newTitle: 'Enregistrer une version approuvée',
    kind: 'Type de document',
    title: 'Intitulé',
    version: 'Version',
    approvedOn: 'Date d’approbation',
    arrete: 'Référence de l’arrêté (facultatif)',
    revisionDueOn: 'Échéance de révision (par défaut : selon la règle en vigueur)',
    submit: 'Enregistrer',
    rules: 'Périodicités de révision (à confirmer)',
  },
  stats: {
    caption: 'Interventions du SDIS 63 par année et par nature',
    year: 'Année',
    total: 'Total',
    importTitle: 'Importer des statistiques (CSV)',
    importHint:
      'Colonnes « annee », « nature », « nombre ». Les années présentes dans le fichier remplacent celles déjà enregistrées.',
    done: (n: number) => `${n} lignes importées.`,
  },
} as const;

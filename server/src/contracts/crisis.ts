/**
 * Crisis core contract (COD, crises, incidents, main courante, tasks, map features): request
 * schemas and the shapes the API returns and the socket events carry. Shared with the client:
 * no Nest imports here.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------- GeoJSON
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
export const positionSchema = z.tuple([lon, lat]).rest(z.number());
/** Vertex caps keep impact computation (point-in-polygon over 463 communes) well under a second. */
const MAX_POSITIONS = 5000;
const ring = z.array(positionSchema).min(4, 'a linear ring needs at least 4 positions').max(MAX_POSITIONS);

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema }).strict();
export const lineStringSchema = z
  .object({ type: z.literal('LineString'), coordinates: z.array(positionSchema).min(2).max(MAX_POSITIONS) })
  .strict();
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(100) }).strict();
export const multiPolygonSchema = z
  .object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(100)).min(1).max(100) })
  .strict();

export type PointGeometry = z.infer<typeof pointSchema>;
export type PolygonGeometry = z.infer<typeof polygonSchema>;
export type MultiPolygonGeometry = z.infer<typeof multiPolygonSchema>;
export type LineStringGeometry = z.infer<typeof lineStringSchema>;

export interface CommuneRef {
  insee: string;
  name: string;
  population: number;
}

// ---------------------------------------------------------------------------- COD
export const COD_LEVELS = ['veille', 'pre_alerte', 'active_restreint', 'active_elargi'] as const;
export type CodLevel = (typeof COD_LEVELS)[number];
export const COD_LEVEL_LABELS: Record<CodLevel, string> = {
  veille: 'Veille',
  pre_alerte: 'Pré-alerte',
  active_restreint: 'COD activé — configuration restreinte',
  active_elargi: 'COD activé — configuration élargie',
};

export const codTransitionSchema = z
  .object({
    to: z.enum(COD_LEVELS),
    reason: z.string().trim().min(3).max(2000),
    crisisId: z.uuid().optional(),
  })
  .strict();
export type CodTransitionRequest = z.infer<typeof codTransitionSchema>;

export interface CodState {
  level: CodLevel;
  since: string;
  changedBy: { id: string; displayName: string } | null;
  crisisId: string | null;
  reason: string | null;
  /** Outbox head when the state was read: apply events with a greater seq. */
  seq: number;
}

/** The COD's cellules; liaison desks are `liaison:<service code>`. */
export const CELLULES = ['direction', 'situation', 'anticipation', 'operations', 'logistique', 'communication'] as const;
export const CELLULE_LABELS: Record<(typeof CELLULES)[number], string> = {
  direction: 'Direction',
  situation: 'Cellule situation',
  anticipation: 'Cellule anticipation',
  operations: 'Cellule opérations',
  logistique: 'Cellule logistique',
  communication: 'Cellule communication',
};
export const celluleSchema = z.union([
  z.enum(CELLULES),
  z.string().regex(/^liaison:[A-Z0-9_-]{2,20}$/, 'a cellule, or liaison:<service code>'),
]);
export type Cellule = z.infer<typeof celluleSchema>;

export const positionSignInSchema = z
  .object({ cellule: celluleSchema, function: z.string().trim().max(120).optional() })
  .strict();

export interface CodPosition {
  id: string;
  userId: string;
  displayName: string;
  cellule: Cellule;
  function: string | null;
  signedInAt: string;
  signedOutAt: string | null;
}

// ---------------------------------------------------------------------------- crises
export const CRISIS_KINDS = [
  'inondation',
  'neige_verglas',
  'feu',
  'accident_novi',
  'industriel',
  'ordre_public',
  'sanitaire',
  'autre',
] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];
export const CRISIS_KIND_LABELS: Record<CrisisKind, string> = {
  inondation: 'Inondation',
  neige_verglas: 'Neige – verglas',
  feu: 'Feu',
  accident_novi: 'Accident / nombreuses victimes (NOVI)',
  industriel: 'Risque industriel / Seveso',
  ordre_public: 'Ordre public',
  sanitaire: 'Sanitaire',
  autre: 'Autre',
};
export const CRISIS_STATUSES = ['open', 'closed'] as const;

export const createCrisisSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    kind: z.enum(CRISIS_KINDS),
    exercise: z.boolean().default(false),
    description: z.string().trim().max(5000).optional(),
  })
  .strict();
export const updateCrisisSchema = z
  .object({
    title: z.string().trim().min(3).max(200).optional(),
    status: z.enum(CRISIS_STATUSES).optional(),
    description: z.string().trim().max(5000).nullable().optional(),
  })
  .strict();

export interface Crisis {
  id: string;
  title: string;
  kind: CrisisKind;
  status: (typeof CRISIS_STATUSES)[number];
  exercise: boolean;
  description: string | null;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
}

// ---------------------------------------------------------------------------- incidents
export const INCIDENT_SEVERITIES = ['faible', 'moyenne', 'grave', 'critique'] as const;
export const INCIDENT_STATUSES = ['signale', 'en_cours', 'maitrise', 'clos'] as const;
export const INCIDENT_KINDS = [
  'inondation',
  'crue',
  'glissement_terrain',
  'chute_neige',
  'route_coupee',
  'accident_route',
  'incendie',
  'feu_foret',
  'coupure_electricite',
  'coupure_eau',
  'pollution',
  'industriel',
  'effondrement',
  'evacuation',
  'ordre_public',
  'sanitaire',
  'autre',
] as const;
export const INCIDENT_KIND_LABELS: Record<(typeof INCIDENT_KINDS)[number], string> = {
  inondation: 'Inondation',
  crue: 'Crue',
  glissement_terrain: 'Glissement de terrain',
  chute_neige: 'Chute de neige',
  route_coupee: 'Route coupée',
  accident_route: 'Accident de la route',
  incendie: 'Incendie',
  feu_foret: 'Feu de forêt',
  coupure_electricite: 'Coupure d’électricité',
  coupure_eau: 'Coupure d’eau',
  pollution: 'Pollution',
  industriel: 'Accident industriel',
  effondrement: 'Effondrement',
  evacuation: 'Évacuation',
  ordre_public: 'Ordre public',
  sanitaire: 'Sanitaire',
  autre: 'Autre',
};
export const INCIDENT_SEVERITY_LABELS: Record<(typeof INCIDENT_SEVERITIES)[number], string> = {
  faible: 'Faible',
  moyenne: 'Moyenne',
  grave: 'Grave',
  critique: 'Critique',
};
export const INCIDENT_STATUS_LABELS: Record<(typeof INCIDENT_STATUSES)[number], string> = {
  signale: 'Signalé',
  en_cours: 'En cours',
  maitrise: 'Maîtrisé',
  clos: 'Clos',
};
/** Bilan counters (all optional, integers ≥ 0). */
export const COUNTER_KEYS = [
  'decedes',
  'urgences_absolues',
  'urgences_relatives',
  'impliques',
  'evacues',
  'heberges',
  'foyers_sans_electricite',
  'routes_coupees',
] as const;
export type CounterKey = (typeof COUNTER_KEYS)[number];
export const COUNTER_LABELS: Record<CounterKey, string> = {
  decedes: 'Décédés',
  urgences_absolues: 'Urgences absolues',
  urgences_relatives: 'Urgences relatives',
  impliques: 'Impliqués',
  evacues: 'Évacués',
  heberges: 'Hébergés',
  foyers_sans_electricite: "Foyers privés d'électricité",
  routes_coupees: 'Routes coupées',
};
export const countersSchema = z
  .object(Object.fromEntries(COUNTER_KEYS.map((k) => [k, z.number().int().min(0).max(10_000_000).optional()])) as {
    [K in CounterKey]: z.ZodOptional<z.ZodNumber>;
  })
  .strict();
export type Counters = Partial<Record<CounterKey, number>>;

export const incidentLocationSchema = z.discriminatedUnion('type', [pointSchema, polygonSchema]);

export const createIncidentSchema = z
  .object({
    crisisId: z.uuid(),
    title: z.string().trim().min(3).max(200),
    kind: z.enum(INCIDENT_KINDS),
    severity: z.enum(INCIDENT_SEVERITIES),
    status: z.enum(INCIDENT_STATUSES).default('signale'),
    location: incidentLocationSchema,
    description: z.string().trim().max(5000).optional(),
    counters: countersSchema.optional(),
  })
  .strict();
export const updateIncidentSchema = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().min(3).max(200).optional(),
    kind: z.enum(INCIDENT_KINDS).optional(),
    severity: z.enum(INCIDENT_SEVERITIES).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    location: incidentLocationSchema.optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    counters: countersSchema.optional(),
  })
  .strict();

export interface Incident {
  id: string;
  crisisId: string;
  title: string;
  kind: (typeof INCIDENT_KINDS)[number];
  severity: (typeof INCIDENT_SEVERITIES)[number];
  status: (typeof INCIDENT_STATUSES)[number];
  location: PointGeometry | PolygonGeometry;
  communeInsee: string | null;
  communeName: string | null;
  description: string | null;
  counters: Counters;
  exercise: boolean;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------- main courante
export const LOGBOOK_CATEGORIES = ['information', 'decision', 'action', 'demande'] as const;
export const LOGBOOK_CATEGORY_LABELS: Record<(typeof LOGBOOK_CATEGORIES)[number], string> = {
  information: 'Information',
  decision: 'Décision',
  action: 'Action',
  demande: 'Demande',
};
export const appendLogbookSchema = z
  .object({
    text: z.string().trim().min(1).max(10_000),
    category: z.enum(LOGBOOK_CATEGORIES),
    cellule: celluleSchema,
    incidentId: z.uuid().optional(),
    taskId: z.uuid().optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    correctsEntryId: z.uuid().optional(),
  })
  .strict();
export type AppendLogbookRequest = z.infer<typeof appendLogbookSchema>;

export interface LogbookEntry {
  id: string;
  crisisId: string;
  /** Position in the crisis' chain, from 1. */
  index: number;
  text: string;
  category: (typeof LOGBOOK_CATEGORIES)[number];
  cellule: Cellule;
  authorId: string | null;
  authorName: string;
  /** Server time of the entry (the only clock of the chain). */
  recordedAt: string;
  occurredAt: string | null;
  incidentId: string | null;
  taskId: string | null;
  correctsEntryId: string | null;
  /** `system` entries are written by Vigie itself (COD transitions, task changes). */
  source: 'user' | 'system';
  exercise: boolean;
  prevHash: string;
  hash: string;
  promotedAt: string | null;
  promotedBy: string | null;
}

export type LogbookVerifyResult =
  | { valid: true; entries: number; lastHash: string }
  | {
      valid: false;
      entries: number;
      firstBrokenEntryId: string;
      /** Index of the broken entry in the chain. */
      index?: number;
      /**
       * `hash`: the entry's content no longer matches its hash; `prev_hash`: its link is not the
       * previous entry's hash; `index`: entries missing or duplicated before it; `head`: the chain
       * disagrees with its recorded head; `truncated`: the last entries are missing (the named
       * entry is the one the chain should end with).
       */
      reason?: 'index' | 'prev_hash' | 'hash' | 'head' | 'truncated';
    };

// ---------------------------------------------------------------------------- tasks
export const TASK_STATUSES = ['requested', 'acknowledged', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  requested: 'Demandée',
  acknowledged: 'Prise en compte',
  in_progress: 'En cours',
  done: 'Terminée',
  cancelled: 'Annulée',
};
export const TASK_PRIORITIES = ['basse', 'normale', 'haute', 'urgente'] as const;
export const TASK_PRIORITY_LABELS: Record<(typeof TASK_PRIORITIES)[number], string> = {
  basse: 'Basse',
  normale: 'Normale',
  haute: 'Haute',
  urgente: 'Urgente',
};
export const createTaskSchema = z
  .object({
    crisisId: z.uuid(),
    serviceId: z.uuid(),
    title: z.string().trim().min(3).max(200),
    details: z.string().trim().max(5000).optional(),
    priority: z.enum(TASK_PRIORITIES),
    dueAt: z.iso.datetime({ offset: true }).optional(),
    incidentId: z.uuid().optional(),
  })
  .strict();
export const taskTransitionSchema = z
  .object({
    to: z.enum(['acknowledged', 'in_progress', 'done', 'cancelled']),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export interface Task {
  id: string;
  crisisId: string;
  serviceId: string;
  serviceName: string;
  title: string;
  details: string | null;
  priority: (typeof TASK_PRIORITIES)[number];
  status: TaskStatus;
  dueAt: string | null;
  overdue: boolean;
  incidentId: string | null;
  exercise: boolean;
  version: number;
  createdBy: string;
  createdAt: string;
  acknowledgedAt: string | null;
  startedAt: string | null;
  doneAt: string | null;
  cancelledAt: string | null;
  /** Creation (`to: 'requested'`) then every transition; `by` is the user id. */
  history: { to: TaskStatus; at: string; by: string; byName: string; note: string | null }[];
}

// ---------------------------------------------------------------------------- map features
export const FEATURE_KINDS = [
  'perimetre_securite',
  'zone_evacuation',
  'zone_inondee',
  'zone_confinement',
  'pco',
  'prv',
  'care',
  'point_bouclage',
  'itineraire',
  'autre',
] as const;
export const FEATURE_KIND_LABELS: Record<(typeof FEATURE_KINDS)[number], string> = {
  perimetre_securite: 'Périmètre de sécurité',
  zone_evacuation: "Zone d'évacuation",
  zone_inondee: 'Zone inondée',
  zone_confinement: 'Zone de confinement',
  pco: 'PCO – poste de commandement opérationnel',
  prv: 'PRV – point de rassemblement des victimes',
  care: "CARE – centre d'accueil et de regroupement",
  point_bouclage: 'Point de bouclage',
  itineraire: 'Itinéraire',
  autre: 'Autre',
};
export const createFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    geometry: z.discriminatedUnion('type', [pointSchema, lineStringSchema, polygonSchema, multiPolygonSchema]),
    properties: z
      .object({
        kind: z.enum(FEATURE_KINDS),
        label: z.string().trim().max(200).optional(),
        description: z.string().trim().max(2000).optional(),
        incidentId: z.uuid().optional(),
      })
      .strict(),
  })
  .strict();

export interface SiteRef {
  kind: 'hopital';
  id: string;
  name: string;
  communeInsee: string | null;
}

export interface MapFeature {
  id: string;
  crisisId: string;
  kind: (typeof FEATURE_KINDS)[number];
  label: string | null;
  description: string | null;
  incidentId: string | null;
  geometry: PointGeometry | LineStringGeometry | PolygonGeometry | MultiPolygonGeometry;
  affectedCommunes: CommuneRef[];
  affectedPopulation: number;
  sites: SiteRef[];
  exercise: boolean;
  createdBy: string;
  createdAt: string;
}

// ---------------------------------------------------------------------------- summary
export interface CrisisSummary {
  crisis: Crisis;
  bilan: Counters;
  incidentsByStatus: Partial<Record<(typeof INCIDENT_STATUSES)[number], number>>;
  openTasks: number;
  overdueTasks: number;
  lastEntries: LogbookEntry[];
  lastSituationPoint: LogbookEntry | null;
  seq: number;
}

import type { PageSeverity } from '@contracts/paging';

export {
  CHANNEL_LABELS,
  CONTACT_FUNCTION_LABELS,
  DELIVERY_STATE_LABELS,
  PAGE_COUNT_LABELS,
} from '@contracts/paging';

/**
 * Strings of the paging screens (French first). The contract carries the labels the server also
 * writes (channels, delivery states, counters, contact functions); the rest lives here.
 */
export const PAGE_SEVERITY_LABELS: Record<PageSeverity, string> = {
  information: 'Information',
  alerte: 'Alerte',
  crise: 'Crise',
};

export const PAGE_SEVERITY_HINTS: Record<PageSeverity, string> = {
  information: 'message à porter à la connaissance, sans urgence',
  alerte: 'situation à prendre en compte rapidement',
  crise: 'priorité maximale ; ignore les heures de silence',
};

export const ACK_VIA_LABELS = {
  console: 'depuis la console',
  link: 'par le lien reçu',
  sms: 'par réponse SMS',
} as const;

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
const nb = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

export const tp = {
  title: 'Alerte et astreinte',
  noAccessTitle: 'Accès réservé',
  noAccess:
    'L’envoi et le suivi des alertes sont réservés au SIDPC, à la direction du Cabinet et aux opérateurs du COD.',
  noComposeAccess:
    'L’envoi d’une alerte est réservé au SIDPC et à la direction du Cabinet. Vous pouvez suivre les alertes envoyées.',
  exercise: 'EXERCICE',
  retry: 'Réessayer',
  back: 'Retour aux alertes',
  list: {
    title: 'Alertes envoyées',
    intro: 'Les dernières alertes, leur remise et les accusés de réception, mis à jour en direct.',
    newPage: 'Nouvelle alerte',
    empty: 'Aucune alerte n’a encore été envoyée.',
    loadError: 'La liste des alertes n’a pas pu être chargée.',
    caption: 'Dernières alertes envoyées',
    colTitle: 'Alerte',
    colSent: 'Envoi',
    colTargets: 'Destinataires',
    colAck: 'Accusés de réception',
    colDelivery: 'Remise des messages',
    acked: (n: number, of: number) => `${nb(n)} / ${nb(of)}`,
    noAckRequired: 'non demandé',
    unitHandedOver: 'messages envoyés ou remis',
    /** Email has no delivery receipt: « envoyé » is its last state. */
    deliverySummary: (c: { delivered: number; sent: number; queued: number; failed: number }) =>
      [
        `${nb(c.delivered)} remis`,
        c.sent > 0 ? `${nb(c.sent)} ${plural(c.sent, 'envoyé', 'envoyés')}` : null,
        c.queued > 0 ? `${nb(c.queued)} en file` : null,
        c.failed > 0 ? `${nb(c.failed)} en échec` : null,
      ]
        .filter(Boolean)
        .join(' · '),
  },
  compose: {
    title: 'Nouvelle alerte',
    intro:
      'Rédigez le message, choisissez les destinataires et les canaux, vérifiez le nombre de personnes jointes, puis envoyez.',
    message: 'Message',
    titleLabel: 'Objet',
    titleHint:
      'Court et explicite : il sert d’objet au courriel et d’en-tête au SMS (3 à 160 caractères).',
    titleRequired: 'Indiquez un objet de 3 à 160 caractères.',
    messageLabel: 'Message',
    messageHint: 'Ce qui se passe, ce qui est attendu du destinataire, qui rappeler.',
    messageRequired: 'Rédigez le message (1 400 caractères au plus).',
    counter: (n: number, max: number) => `${nb(n)} / ${nb(max)} caractères`,
    counterOver: (n: number) => `${nb(n)} ${plural(n, 'caractère', 'caractères')} en trop`,
    severity: 'Niveau',
    channels: 'Canaux',
    channelsHint:
      'Chaque destinataire est joint sur chaque canal coché pour lequel il a une adresse.',
    channelsRequired: 'Cochez au moins un canal.',
    ack: 'Accusé de réception',
    ackRequired: 'Accusé de réception requis',
    ackRequiredHint:
      'Sans accusé dans le délai, l’alerte passe au canal suivant, puis au suppléant ou au suivant de l’astreinte, puis à l’officier de permanence.',
    escalation: 'Délai avant escalade (minutes)',
    escalationHint: 'De 1 à 1 440 minutes.',
    escalationInvalid: 'Indiquez un délai entre 1 et 1 440 minutes.',
    crisis: 'Événement de crise lié (facultatif)',
    crisisHint:
      'L’envoi est inscrit à sa main courante ; une crise d’exercice marque l’alerte « EXERCICE ».',
    noCrisis: 'Aucun',
    exerciseNotice: 'Événement d’exercice : l’alerte sera marquée « EXERCICE ».',
    recipients: 'Destinataires',
    recipientsHint:
      'Combinez librement : une personne jointe de plusieurs façons ne reçoit l’alerte qu’une fois.',
    recipientsRequired: 'Choisissez au moins un destinataire.',
    previewRun: 'Vérifier les destinataires',
    send: (n: number) =>
      `Envoyer l’alerte à ${nb(n)} ${plural(n, 'destinataire', 'destinataires')}`,
    sending: 'Envoi en cours…',
    cancel: 'Annuler',
    previewFirst:
      'Vérifiez d’abord les destinataires : le bouton d’envoi apparaît avec leur nombre.',
    sendFailed: 'L’alerte n’a pas été envoyée',
    sendRetryHint:
      'Vous pouvez réessayer sans risque : une nouvelle tentative avec ce formulaire ne crée pas de seconde alerte.',
    keyReused:
      'Une tentative précédente de ce formulaire a déjà été enregistrée avec un contenu différent : l’alerte est peut-être déjà partie. Consultez la liste des alertes avant de renvoyer.',
    startOver: 'Nouvel envoi avec ce contenu',
  },
  pickers: {
    contacts: 'Personnes',
    contactsSearch: 'Rechercher une personne',
    contactsHint: 'Nom, fonction ou adresse électronique (2 caractères au moins).',
    contactsNone: 'Aucune personne ne correspond.',
    contactsFound: (n: number) => `${nb(n)} ${plural(n, 'personne trouvée', 'personnes trouvées')}`,
    add: (name: string) => `Ajouter ${name}`,
    remove: (name: string) => `Retirer ${name}`,
    groups: 'Groupes et listes de diffusion',
    groupsNone: 'Aucun groupe de diffusion n’est défini.',
    groupMembers: (n: number) => `${nb(n)} ${plural(n, 'membre', 'membres')}`,
    services: 'Services (astreinte)',
    servicesHint:
      'L’astreinte de service au moment de l’envoi : la personne de permanence est figée à l’envoi.',
    communes: 'Maires de communes',
    communesSearch: 'Rechercher une commune',
    communesHint: 'Nom, code INSEE ou code postal.',
    communesNone: 'Aucune commune ne correspond.',
    communesFound: (n: number) => `${nb(n)} ${plural(n, 'commune trouvée', 'communes trouvées')}`,
    communesSelected: (n: number) =>
      `${nb(n)} ${plural(n, 'commune choisie', 'communes choisies')}`,
    clearCommunes: 'Retirer toutes les communes',
    arrondissement: 'Ajouter les communes d’un arrondissement',
    arrondissementChoose: 'Choisir un arrondissement',
    arrondissementAdd: 'Ajouter',
    arrondissementOption: (name: string, n: number) => `${name} (${nb(n)} communes)`,
    perimeter: 'Maires des communes d’un périmètre',
    perimeterHint: 'Une zone dessinée sur la carte de l’événement de crise lié.',
    perimeterNeedsCrisis:
      'Liez d’abord l’alerte à un événement de crise pour choisir une de ses zones.',
    perimeterNone: 'Aucun',
    perimeterEmpty: 'Cet événement n’a aucune zone touchant une commune.',
    perimeterOption: (kind: string, label: string | null, n: number) =>
      `${kind}${label ? ` — ${label}` : ''} (${nb(n)} ${plural(n, 'commune', 'communes')})`,
    loading: 'Chargement…',
  },
  preview: {
    title: 'Destinataires de l’alerte',
    loading: 'Calcul des destinataires…',
    stale:
      'Les destinataires ou les canaux ont changé depuis la vérification : vérifiez à nouveau.',
    total: (n: number) =>
      `${nb(n)} ${plural(n, 'personne sera jointe', 'personnes seront jointes')}`,
    byKind: 'Par origine',
    byChannel: 'Par canal coché',
    kinds: { contact: 'Personnes', group: 'Groupes', service: 'Astreintes', commune: 'Maires' },
    reachable: (n: number, of: number) => `${nb(n)} / ${nb(of)} joignables`,
    unreachable: (channel: string, n: number) =>
      `${nb(n)} ${plural(n, 'personne n’a', 'personnes n’ont')} pas d’adresse pour « ${channel} ».`,
    nobodyReachable:
      'Aucune des personnes choisies n’est joignable par les canaux cochés : cochez un autre canal.',
    list: (n: number) => `Voir la liste (${nb(n)})`,
    more: (n: number) => `… et ${nb(n)} autres.`,
    failed: 'Les destinataires n’ont pas pu être calculés',
  },
  problems: {
    contact: (name: string) => `Personne « ${name} »`,
    group: (name: string) => `Groupe « ${name} »`,
    service: (name: string) => `Service « ${name} »`,
    commune: (name: string) => `Commune ${name}`,
    perimeter: 'Périmètre',
    recipients: 'Destinataires',
    fields: {
      title: 'Objet',
      message: 'Message',
      severity: 'Niveau',
      channels: 'Canaux',
      ackRequired: 'Accusé de réception',
      escalateAfterSec: 'Délai avant escalade',
      crisisId: 'Événement de crise',
      'Idempotency-Key': 'Envoi',
    },
    messages: [
      [/^unknown contact$/, 'personne inconnue ou supprimée'],
      [/^unknown group$/, 'groupe inconnu ou supprimé'],
      [/^unknown service$/, 'service inconnu'],
      [/^nobody of .+ is on duty$/, 'personne n’est d’astreinte en ce moment'],
      [/^not a commune of the Puy-de-Dôme$/, 'n’est pas une commune du Puy-de-Dôme'],
      [/^no active mayor in /, 'aucun maire actif dans l’annuaire'],
      [/^unknown or deleted map feature$/, 'zone inconnue ou supprimée'],
      [/^the perimeter touches no commune$/, 'la zone ne touche aucune commune'],
      [
        /^no active mayor in the communes of this perimeter$/,
        'aucun maire actif dans les communes de la zone',
      ],
      [/^no active recipient$/, 'aucune personne active parmi les destinataires choisis'],
      [/^at least one recipient$/, 'choisissez au moins un destinataire'],
    ] as const,
  },
  followUp: {
    loadError: 'L’alerte n’a pas pu être chargée.',
    notFound: 'Cette alerte n’existe pas.',
    sentAt: (when: string) => `Envoyée ${when}`,
    byYou: 'par vous',
    channels: 'Canaux',
    ackRequired: (minutes: number) =>
      `Accusé de réception requis — escalade après ${nb(minutes)} ${plural(minutes, 'minute', 'minutes')}`,
    ackNotRequired: 'Accusé de réception non demandé',
    crisis: 'Événement de crise',
    message: 'Message envoyé',
    progress: 'Avancement',
    progressHint: 'Messages : un par destinataire et par canal. Accusés : par destinataire.',
    progressOf: (n: number, of: number, unit: string) => `${nb(n)} sur ${nb(of)} ${unit}`,
    unitMessages: 'messages',
    unitTargets: 'destinataires',
    liveSummary: (acked: number, targets: number, failed: number) =>
      `${nb(acked)} ${plural(acked, 'accusé', 'accusés')} de réception sur ${nb(targets)} ${plural(targets, 'destinataire', 'destinataires')}` +
      (failed > 0 ? `, ${nb(failed)} ${plural(failed, 'message', 'messages')} en échec` : ''),
    repage: (n: number) => `Relancer les non-acquittés (${nb(n)})`,
    repaging: 'Relance en cours…',
    repaged: (n: number) =>
      `Relance envoyée à ${nb(n)} ${plural(n, 'destinataire', 'destinataires')}.`,
    repageFailed: 'La relance n’a pas été envoyée',
    allAcked: 'Tous les destinataires ont accusé réception.',
  },
  targets: {
    title: 'Destinataires',
    caption: (shown: number, total: number) =>
      shown === total
        ? `${nb(total)} ${plural(total, 'destinataire', 'destinataires')}`
        : `${nb(shown)} sur ${nb(total)} destinataires`,
    filter: 'Afficher',
    filterAll: 'Tous',
    filterUnacked: 'Non acquittés',
    filterFailed: 'Échecs',
    search: 'Filtrer par nom',
    communeFilter: (name: string) => `Commune : ${name}`,
    clearCommune: 'Retirer le filtre de commune',
    colName: 'Destinataire',
    colPlace: 'Commune / service',
    colVia: 'Joint au titre de',
    colDeliveries: 'Remise par canal',
    colAck: 'Accusé de réception',
    empty: 'Aucun destinataire ne correspond au filtre.',
    showMore: (n: number) => `Afficher ${nb(n)} destinataires de plus`,
    attempts: (n: number) => `${nb(n)} ${plural(n, 'tentative', 'tentatives')}`,
    round: (n: number) => `relance ${n - 1}`,
    fallback: 'repli',
    quietUntil: (when: string) => `heures de silence : envoi ${when}`,
    dutyAlert: 'alerte de l’officier de permanence',
    escalated: (name: string) => `suppléant de ${name}`,
    escalationLevel: {
      2: 'suppléant ou suivant d’astreinte appelé',
      3: 'officier de permanence alerté',
    } as Record<number, string>,
    noDelivery: 'aucun message (pas d’adresse)',
    notAcked: 'En attente',
    ackedAt: (when: string) => `Acquitté ${when}`,
    ackedBy: (name: string) => `enregistré par ${name}`,
    ackOnBehalf: (name: string) => `Acquitter pour le compte de ${name}`,
    ackOnBehalfShort: 'Acquitter pour le compte de…',
    via: {
      contact: 'Personne désignée',
      group: (name: string) => `Groupe ${name}`,
      service: (code: string) => `Astreinte ${code}`,
      commune: (name: string) => `Maire — ${name}`,
      escalation: 'Escalade',
    },
  },
  ackModal: {
    title: 'Acquitter pour le compte d’un destinataire',
    body: (name: string) =>
      `Vous avez joint ${name} (par téléphone, par exemple) et il a pris connaissance de l’alerte. L’accusé de réception sera enregistré à votre nom et arrêtera l’escalade.`,
    confirm: 'Enregistrer l’accusé de réception',
    cancel: 'Annuler',
    failed: 'L’accusé n’a pas été enregistré',
  },
  map: {
    title: 'Carte des communes',
    label: 'Carte des communes alertées, colorées selon les accusés de réception',
    hint: 'Cliquez une commune pour filtrer le tableau des destinataires. Le tableau donne les mêmes informations.',
    loading: 'Chargement de la carte…',
    legend: 'Légende',
    statuses: {
      none: 'Non alertée',
      pending: 'Alertée, sans accusé',
      acked: 'Accusé reçu',
      failed: 'Échec de remise',
    },
    tooltip: (name: string, status: string) => `${name} — ${status}`,
  },
  received: {
    region: 'Alertes reçues',
    badge: (n: number) => `${nb(n)} ${plural(n, 'alerte reçue', 'alertes reçues')}`,
    title: (title: string) => `Alerte reçue : ${title}`,
    dutyTitle: (n: number) =>
      `${nb(n)} ${plural(n, 'destinataire n’a', 'destinataires n’ont')} pas accusé réception`,
    dutyText:
      'Joignez-les, par téléphone par exemple, puis acquittez pour leur compte dans le suivi.',
    dutyList: (n: number) => `Voir qui (${nb(n)})`,
    rounds: (n: number) => `reçue ${nb(n)} fois`,
    ack: 'Accuser réception',
    acking: 'Enregistrement…',
    acked: 'Accusé de réception enregistré.',
    ackFailed: 'L’accusé n’a pas été enregistré',
    open: 'Voir le suivi',
    dismiss: 'Masquer',
  },
  errors: {
    title: 'Action impossible',
    forbidden: 'Votre rôle ne permet pas cette action.',
    network: 'Le serveur est injoignable. Réessayez dans quelques instants.',
    validation: 'Les informations saisies ne sont pas valides :',
    conflict: 'L’action n’est plus possible dans l’état actuel.',
    notFound: 'L’élément demandé n’existe pas ou plus.',
    generic: 'Une erreur est survenue.',
  },
} as const;

/** Every string shown to users, French first. Components read them from here, never inline. */
export const t = {
  app: {
    brandTop: ['Préfet', 'du Puy-de-Dôme'],
    serviceTitle: 'Vigie',
    serviceTagline: 'Console opérationnelle du Cabinet du préfet',
    homeLinkTitle: 'Accueil — Vigie, console opérationnelle du Cabinet du préfet',
    documentTitle: (page: string) => `${page} — Vigie`,
    loading: 'Chargement…',
    skipToContent: 'Contenu',
    skipToNavigation: 'Menu',
  },
  nav: {
    console: 'Console COD',
    direction: 'Direction',
    paging: 'Alerte et astreinte',
    press: 'Presse',
    routine: 'Modules du Cabinet',
  },
  footer: {
    description:
      'Vigie, console opérationnelle du Cabinet du préfet du Puy-de-Dôme. Accès réservé aux agents habilités.',
    attribution:
      'Données géographiques : IGN – ADMIN EXPRESS COG 2018, via gregoiredavid/france-geojson (Licence Ouverte)',
  },
  auth: {
    loginTitle: 'Connexion à Vigie',
    loginIntro: 'Connectez-vous avec votre compte d’agent.',
    emailLabel: 'Adresse électronique',
    emailHint: 'Format attendu : nom@domaine.fr',
    passwordLabel: 'Mot de passe',
    submit: 'Se connecter',
    logout: 'Se déconnecter',
    errorTitle: 'Connexion impossible',
    invalidCredentials: 'Identifiants incorrects',
    throttled: 'Trop de tentatives, réessayez dans une minute',
    validation: 'Les informations saisies ne sont pas valides :',
    unavailable: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    emailInvalid: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
    passwordRequired: 'Saisissez votre mot de passe.',
    sessionExpiredTitle: 'Session expirée',
    sessionExpired: 'Votre session a expiré. Reconnectez-vous pour continuer.',
    userRoles: 'Rôles',
  },
  realtime: {
    connected: 'Connecté',
    reconnecting: 'Reconnexion…',
    offline: 'Hors ligne',
    label: 'État de la connexion temps réel',
  },
  pages: {
    console: {
      title: 'Console COD',
      description:
        'La carte opérationnelle, les événements, la main courante et les missions des services s’afficheront ici.',
    },
    direction: {
      title: 'Direction',
      description:
        'La synthèse de la situation, le niveau d’activation du COD et les décisions de la direction s’afficheront ici.',
    },
    paging: {
      title: 'Alerte et astreinte',
      description:
        'L’envoi des alertes, le suivi des accusés de réception et les tableaux d’astreinte s’afficheront ici.',
    },
    routine: {
      title: 'Modules du Cabinet',
      description: 'Le travail courant du Cabinet du préfet, hors crise.',
      none: 'Aucun module du Cabinet n’est ouvert à votre profil.',
    },
    notFound: {
      title: 'Page non trouvée',
      description: 'L’adresse demandée n’existe pas ou a été déplacée. Vérifiez l’adresse saisie.',
      backHome: 'Retour à la console COD',
    },
  },
} as const;

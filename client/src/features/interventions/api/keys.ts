/** Query keys, all starting with `intervention` so every `intervention.*` event refetches them. */
export const interventionKeys = {
  all: ['intervention'] as const,
  list: (filters: object) => ['intervention', 'list', filters] as const,
  detail: (id: string) => ['intervention', 'detail', id] as const,
  stats: ['intervention', 'stats'] as const,
  officials: ['intervention', 'officials'] as const,
  official: (id: string) => ['intervention', 'official', id] as const,
  search: (q: string) => ['intervention', 'official-search', q] as const,
  services: ['intervention', 'services'] as const,
  communes: ['intervention', 'communes'] as const,
};

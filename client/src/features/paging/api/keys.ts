/**
 * Query keys. Each starts with the resource name of the server's events (`page.updated` →
 * `page`), so an event without a registered handler still refetches the right queries.
 */
export const pagingKeys = {
  pages: ['page', 'list'] as const,
  page: (id: string) => ['page', 'detail', id] as const,
  contacts: (q: string) => ['contact', 'search', q] as const,
  groups: ['group', 'list'] as const,
  communes: ['reference', 'communes'] as const,
};

/**
 * `data-testid` for the native props objects of DSFR components, typed without `data-*`: the
 * attribute reaches the element, the type adds nothing.
 */
export const testId = (id: string): Record<never, never> => ({ 'data-testid': id });

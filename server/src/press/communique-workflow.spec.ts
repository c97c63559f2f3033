import type { Role } from '../contracts/roles';
import { allowedCommuniqueActions, checkCommuniqueAction, type WorkflowSubject } from './communique-workflow';

const now = new Date('2027-01-10T10:00:00Z');
const author = { id: 'author', roles: ['press'] as Role[] };
const director = { id: 'dir', roles: ['director'] as Role[] };
const directorAuthor = { id: 'author', roles: ['director'] as Role[] };
const viewer = { id: 'v', roles: ['viewer'] as Role[] };
const c = (status: WorkflowSubject['status'], embargoUntil: Date | null = null): WorkflowSubject => ({ status, authorId: 'author', embargoUntil });

describe('communiqué workflow', () => {
  it.each([
    ['submit', 'brouillon', author, 'a_valider'],
    ['validate', 'a_valider', director, 'valide'],
    ['reject', 'a_valider', director, 'brouillon'],
    ['publish', 'valide', author, 'publie'],
    ['withdraw', 'publie', author, 'retire'],
    ['reopen', 'valide', author, 'brouillon'],
  ] as const)('%s from %s → allowed', (action, status, user, to) => {
    expect(checkCommuniqueAction(c(status), action, user, now)).toEqual({ ok: true, to });
  });

  it.each([
    ['press validating', 'validate', 'a_valider', author, 'forbidden'],
    ['director validating their own', 'validate', 'a_valider', directorAuthor, 'forbidden'],
    ['publishing a draft', 'publish', 'brouillon', author, 'invalid_transition'],
    ['publishing unvalidated', 'publish', 'a_valider', author, 'invalid_transition'],
    ['validating a draft', 'validate', 'brouillon', director, 'invalid_transition'],
    ['republishing a withdrawn one', 'publish', 'retire', author, 'invalid_transition'],
    ['a viewer submitting', 'submit', 'brouillon', viewer, 'forbidden'],
  ] as const)('refuses %s', (_, action, status, user, code) => {
    const check = checkCommuniqueAction(c(status), action, user, now);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.code).toBe(code);
  });

  it('publishes only once the embargo has passed', () => {
    const embargo = new Date('2027-01-10T12:00:00Z');
    expect(checkCommuniqueAction(c('valide', embargo), 'publish', author, now).ok).toBe(false);
    expect(checkCommuniqueAction(c('valide', embargo), 'publish', author, new Date('2027-01-10T12:00:00Z')).ok).toBe(true);
  });

  it('lists the actions a user may take', () => {
    expect(allowedCommuniqueActions(c('a_valider'), director, now)).toEqual(['validate', 'reject']);
    expect(allowedCommuniqueActions(c('a_valider'), author, now)).toEqual([]);
    expect(allowedCommuniqueActions(c('valide'), author, now)).toEqual(['publish', 'reopen']);
  });
});

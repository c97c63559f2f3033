import type { AnswerDecisionRequest, DecisionStatus } from '../contracts/direction';
import { checkAnswer, checkComplement, reminderDue } from './decision-flow';

describe('checkAnswer', () => {
  const approve = (optionIndex: number): AnswerDecisionRequest => ({ answer: 'approve', optionIndex });
  const cases: [DecisionStatus, AnswerDecisionRequest, number, string][] = [
    ['pending', approve(0), 2, 'approved'],
    ['pending', approve(1), 2, 'approved'],
    ['pending', approve(2), 2, 'validation'],
    ['pending', { answer: 'reject' }, 2, 'rejected'],
    ['pending', { answer: 'more_info', note: 'Combien de foyers ?' }, 2, 'more_info'],
    ['more_info', approve(0), 2, 'approved'],
    ['more_info', { answer: 'reject' }, 2, 'rejected'],
    ['more_info', { answer: 'more_info', note: 'encore' }, 2, 'invalid_transition'],
    ['approved', approve(0), 2, 'invalid_transition'],
    ['rejected', { answer: 'reject' }, 2, 'invalid_transition'],
    ['approved', { answer: 'more_info', note: 'trop tard' }, 2, 'invalid_transition'],
  ];
  it.each(cases)('%s + %j (%i options) → %s', (status, answer, count, expected) => {
    const result = checkAnswer(status, answer, count);
    expect(result.ok ? result.to : result.code).toBe(expected);
  });
});

describe('checkComplement', () => {
  it.each([
    ['more_info', 'pending'],
    ['pending', 'invalid_transition'],
    ['approved', 'invalid_transition'],
    ['rejected', 'invalid_transition'],
  ] as const)('%s → %s', (status, expected) => {
    const result = checkComplement(status);
    expect(result.ok ? result.to : result.code).toBe(expected);
  });
});

describe('reminderDue', () => {
  const now = new Date('2026-03-14T10:10:00Z');
  const base = { urgency: 'urgente', status: 'pending' as DecisionStatus, requestedAt: new Date('2026-03-14T10:00:00Z'), remindedAt: null };
  it.each([
    ['urgent, waited exactly the delay', base, 600, true],
    ['urgent, not yet', base, 601, false],
    ['normal urgency', { ...base, urgency: 'normale' }, 60, false],
    ['already reminded', { ...base, remindedAt: now }, 60, false],
    ['answered', { ...base, status: 'approved' as DecisionStatus }, 60, false],
    ['complement asked', { ...base, status: 'more_info' as DecisionStatus }, 60, true],
  ])('%s', (_, decision, sec, expected) => {
    expect(reminderDue(decision, sec, now)).toBe(expected);
  });
});

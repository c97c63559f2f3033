/// <reference types="jest" />
import type { PageSummary } from '@contracts/paging';
import { patchDetail, patchList } from './page-cache';
import type { PageDetail } from './pages';

const summary = (id: string, createdAt: string, acknowledged = 0): PageSummary => ({
  id,
  title: id,
  message: 'm',
  severity: 'alerte',
  channels: ['sms'],
  ackRequired: true,
  escalateAfterSec: 300,
  crisisId: null,
  exercise: false,
  createdBy: 'u',
  createdAt,
  counts: { targets: 4, queued: 0, sent: 0, delivered: 0, failed: 0, acknowledged },
});

describe('page.updated patches', () => {
  const a = summary('a', '2026-03-01T10:00:00.000Z');
  const b = summary('b', '2026-03-01T09:00:00.000Z');

  it('updates a listed page in place and keeps the others', () => {
    const next = patchList(
      { data: [a, b], seq: 10 },
      { ...b, counts: { ...b.counts, acknowledged: 2 } },
      11,
    );
    expect(next?.seq).toBe(11);
    expect(next?.data[0]).toBe(a);
    expect(next?.data[1]?.counts.acknowledged).toBe(2);
  });

  it('inserts a new page by date, newest first', () => {
    const c = summary('c', '2026-03-01T09:30:00.000Z');
    expect(patchList({ data: [a, b], seq: 10 }, c, 11)?.data.map((p) => p.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('ignores an event the cache already includes', () => {
    expect(patchList({ data: [a], seq: 12 }, a, 12)).toBeUndefined();
    expect(patchList(undefined, a, 12)).toBeUndefined();
  });

  it('patches the follow-up counters, keeping its targets', () => {
    const detail: PageDetail = { ...a, targets: [], seq: 5 };
    const next = patchDetail(detail, { ...a, counts: { ...a.counts, acknowledged: 3 } }, 6);
    expect(next?.counts.acknowledged).toBe(3);
    expect(next?.targets).toBe(detail.targets);
    expect(patchDetail(detail, a, 5)).toBeUndefined();
  });
});

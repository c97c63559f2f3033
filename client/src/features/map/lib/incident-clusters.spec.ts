import { describe, expect, it } from '@jest/globals';
import type { Incident } from '@contracts/crisis';
import {
  diffIncidents,
  IncidentClusters,
  type IncidentRecord,
  toRecord,
} from './incident-clusters';

let n = 0;
function incident(over: Partial<Incident> = {}): Incident {
  n += 1;
  return {
    id: `i${n}`,
    crisisId: 'c',
    title: `Incident ${n}`,
    kind: 'inondation',
    severity: 'faible',
    status: 'signale',
    location: { type: 'Point', coordinates: [3.1, 45.7] },
    communeInsee: null,
    communeName: null,
    description: null,
    counters: {},
    exercise: false,
    version: 1,
    createdBy: 'u',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

const recordsOf = (incidents: Incident[]) =>
  new Map<string, IncidentRecord>(incidents.map((i) => [i.id, toRecord(i)]));

describe('diffIncidents', () => {
  it('keeps the record of an unchanged incident object (identity, not content)', () => {
    const a = incident();
    const b = incident();
    const previous = recordsOf([a, b]);
    const diff = diffIncidents(previous, [a, b]);
    expect(diff.changed).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.reindex).toBe(false);
    expect(diff.records.get(a.id)).toBe(previous.get(a.id));
  });

  it('restyles without reindexing when only the title or status changed', () => {
    const a = incident();
    const previous = recordsOf([a]);
    const a2 = { ...a, status: 'en_cours' as const, title: 'Nouveau titre' };
    const diff = diffIncidents(previous, [a2]);
    expect(diff.changed.map((r) => r.incident)).toEqual([a2]);
    expect(diff.reindex).toBe(false);
  });

  it('reindexes on a move, a new severity, an addition or a removal', () => {
    const a = incident();
    const b = incident();
    const previous = recordsOf([a, b]);
    expect(
      diffIncidents(previous, [{ ...a, location: { type: 'Point', coordinates: [3.2, 45.7] } }, b])
        .reindex,
    ).toBe(true);
    expect(diffIncidents(previous, [{ ...a, severity: 'grave' }, b]).reindex).toBe(true);
    expect(diffIncidents(previous, [a, b, incident()]).reindex).toBe(true);
    const removal = diffIncidents(previous, [a]);
    expect(removal.reindex).toBe(true);
    expect(removal.removed).toEqual([b.id]);
  });

  it('sees a removal hidden by an addition (same count)', () => {
    const a = incident();
    const b = incident();
    const c = incident();
    const diff = diffIncidents(recordsOf([a, b]), [a, c]);
    expect(diff.removed).toEqual([b.id]);
    expect(diff.changed.map((r) => r.incident.id)).toEqual([c.id]);
  });

  it('anchors a polygon incident at its centroid', () => {
    const p = incident({
      location: {
        type: 'Polygon',
        coordinates: [
          [
            [3, 45],
            [3.2, 45],
            [3.2, 45.2],
            [3, 45.2],
            [3, 45],
          ],
        ],
      },
    });
    const r = toRecord(p);
    expect(r.lon).toBeCloseTo(3.1, 9);
    expect(r.lat).toBeCloseTo(45.1, 9);
  });
});

describe('IncidentClusters', () => {
  const world: [number, number, number, number] = [-180, -85, 180, 85];

  it('clusters nearby incidents at department zoom with their highest severity', () => {
    const index = new IncidentClusters();
    const near = [
      incident({ severity: 'faible', location: { type: 'Point', coordinates: [3.1, 45.7] } }),
      incident({ severity: 'critique', location: { type: 'Point', coordinates: [3.101, 45.701] } }),
      incident({ severity: 'moyenne', location: { type: 'Point', coordinates: [3.102, 45.7] } }),
    ];
    const far = incident({
      severity: 'grave',
      location: { type: 'Point', coordinates: [3.8, 45.4] },
    });
    index.load([...near, far].map(toRecord));
    const items = index.query(world, 9);
    const cluster = items.find((i) => i.type === 'cluster');
    expect(cluster).toMatchObject({ type: 'cluster', count: 3, rank: 3 });
    // single incidents keep their id (supercluster's position is a projection round trip)
    expect(items.filter((i) => i.type === 'point').map((i) => i.key)).toEqual([`p:${far.id}`]);
    // zooming to where the cluster splits shows its incidents one by one
    if (cluster?.type !== 'cluster') throw new Error('no cluster');
    const zoom = index.expansionZoom(cluster.clusterId);
    expect(zoom).toBeGreaterThan(9);
    expect(index.query(world, 18).every((i) => i.type === 'point')).toBe(true);
    expect(index.query(world, 18)).toHaveLength(4);
  });

  it('gives a cluster the same key after a rebuild with the same content, another when it changes', () => {
    const incidents = [
      incident({ location: { type: 'Point', coordinates: [3.1, 45.7] } }),
      incident({ location: { type: 'Point', coordinates: [3.101, 45.701] } }),
    ];
    const index = new IncidentClusters();
    index.load(incidents.map(toRecord));
    const before = index.query(world, 9).map((i) => i.key);
    index.load(incidents.map(toRecord));
    expect(index.query(world, 9).map((i) => i.key)).toEqual(before);
    index.load([
      ...incidents.map(toRecord),
      toRecord(
        incident({ severity: 'grave', location: { type: 'Point', coordinates: [3.1005, 45.7] } }),
      ),
    ]);
    expect(index.query(world, 9).map((i) => i.key)).not.toEqual(before);
  });

  it('handles 10,000 incidents and an empty index', () => {
    const index = new IncidentClusters();
    expect(index.query(world, 9)).toEqual([]);
    const many: IncidentRecord[] = [];
    for (let i = 0; i < 10_000; i++) {
      many.push(
        toRecord(
          incident({
            location: {
              type: 'Point',
              coordinates: [2.4 + ((i * 7919) % 1600) / 1000, 45.3 + ((i * 104729) % 950) / 1000],
            },
          }),
        ),
      );
    }
    index.load(many);
    expect(index.count).toBe(10_000);
    const items = index.query(world, 9);
    const total = items.reduce((sum, i) => sum + (i.type === 'cluster' ? i.count : 1), 0);
    expect(total).toBe(10_000);
    expect(items.length).toBeLessThan(500);
  });
});

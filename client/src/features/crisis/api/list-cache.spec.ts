/// <reference types="jest" />
import {
  insertSortedBy,
  patchInList,
  removeFromList,
  upsertInList,
  versionedReplaces,
  type Listed,
} from './list-cache';

interface Row {
  id: string;
  version: number;
  title: string;
}

const list = (seq: number, ...data: Row[]): Listed<Row> => ({ data, seq });
const row = (id: string, version = 1, title = id): Row => ({ id, version, title });

describe('list cache patches', () => {
  it('replaces one item by id and keeps the identity of the others', () => {
    const a = row('a');
    const b = row('b');
    const before = list(10, a, b);
    const next = upsertInList(before, row('b', 2, 'B'), { replaces: versionedReplaces }, 11);
    expect(next?.data.map((r) => r.title)).toEqual(['a', 'B']);
    expect(next?.data[0]).toBe(a);
    expect(before.data[1]).toBe(b);
  });

  it('ignores an older or identical version', () => {
    const before = list(10, row('a', 3, 'new'));
    expect(
      upsertInList(before, row('a', 2, 'old'), { replaces: versionedReplaces }, 11),
    ).toBeUndefined();
    expect(
      upsertInList(before, row('a', 3, 'new'), { replaces: versionedReplaces }, 11),
    ).toBeUndefined();
  });

  it('applies a same-version change of content (a task flagged overdue)', () => {
    const before = list(10, row('a', 3, 'due'));
    const next = upsertInList(before, row('a', 3, 'overdue'), { replaces: versionedReplaces }, 11);
    expect(next?.data[0]?.title).toBe('overdue');
  });

  it('ignores an event the list snapshot already contains', () => {
    const before = list(10);
    expect(upsertInList(before, row('a'), { replaces: versionedReplaces }, 10)).toBeUndefined();
    expect(upsertInList(before, row('a'), { replaces: versionedReplaces }, 11)?.data).toHaveLength(
      1,
    );
  });

  it('leaves an uncached list alone', () => {
    expect(upsertInList(undefined, row('a'), { replaces: versionedReplaces }, 1)).toBeUndefined();
  });

  it('inserts new items first by default, or sorted', () => {
    const byVersion = insertSortedBy<Row>((r) => r.version);
    const before = list(0, row('x', 1), row('z', 3));
    expect(upsertInList(before, row('n'), { replaces: versionedReplaces })?.data[0]?.id).toBe('n');
    expect(
      upsertInList(before, row('y', 2), {
        replaces: versionedReplaces,
        insert: byVersion,
      })?.data.map((r) => r.id),
    ).toEqual(['x', 'y', 'z']);
  });

  it('patches and removes by id, undefined when nothing changes', () => {
    const before = list(5, row('a'), row('b'));
    expect(patchInList(before, 'a', { title: 'A' }, 6)?.data[0]?.title).toBe('A');
    expect(patchInList(before, 'a', { title: 'a' }, 6)).toBeUndefined();
    expect(patchInList(before, 'missing', { title: 'x' }, 6)).toBeUndefined();
    expect(removeFromList(before, (r) => r.id === 'b', 6)?.data.map((r) => r.id)).toEqual(['a']);
    expect(removeFromList(before, (r) => r.id === 'c', 6)).toBeUndefined();
  });
});

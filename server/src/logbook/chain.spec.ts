import { createHash } from 'node:crypto';
import {
  canonicalJson,
  ChainedEntry,
  chainFields,
  ChainFields,
  ChainVerifier,
  entryHash,
  GENESIS_HASH,
  verifyChain,
} from './chain';

const CRISIS = '5b0c3a52-8f1e-4a36-9d44-0c6a4c3e9a01';

function fields(index: number, over: Partial<ChainFields> = {}): ChainFields {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    crisisId: CRISIS,
    index,
    text: `Entrée ${index}`,
    category: 'information',
    cellule: 'situation',
    authorId: null,
    authorName: 'Vigie',
    recordedAt: new Date(Date.UTC(2026, 0, 15, 8, 0, index)).toISOString(),
    occurredAt: null,
    incidentId: null,
    taskId: null,
    correctsEntryId: null,
    source: 'system',
    exercise: false,
    ...over,
  };
}

/** A valid chain of n entries. */
function chain(n: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f = fields(i);
    const hash = entryHash(prevHash, f);
    entries.push({ ...f, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every level, whatever the insertion order, without whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[true,null]},"b":1}',
    );
    expect(canonicalJson({ a: { c: 'x', d: [true, null] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }),
    );
  });

  it('keeps unicode as is and escapes only what JSON requires', () => {
    expect(canonicalJson({ t: 'Évacuation — « Clermont » 🚒\n"ok"' })).toBe(
      '{"t":"Évacuation — « Clermont » 🚒\\n\\"ok\\""}',
    );
    // a lone surrogate is escaped, not turned into U+FFFD: distinct inputs stay distinct
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
  });

  it('tells null from absent, and refuses undefined rather than dropping it', () => {
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(() => canonicalJson({ a: undefined })).toThrow('"a" is undefined');
    expect(() => canonicalJson({ n: NaN })).toThrow('non-finite');
    expect(() => canonicalJson({ d: new Date() })).toThrow('cannot serialise');
  });
});

describe('entryHash', () => {
  it('is sha256(prevHash + "\\n" + canonical fields), hex', () => {
    const f = fields(1);
    const expected = createHash('sha256')
      .update(`${GENESIS_HASH}\n${canonicalJson(f)}`, 'utf8')
      .digest('hex');
    expect(entryHash(GENESIS_HASH, f)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order or on extra keys (prevHash, hash, promotion)', () => {
    const f = fields(3);
    const reversed = Object.fromEntries(Object.entries(f).reverse()) as unknown as ChainFields;
    const withExtras = { ...f, prevHash: 'x', hash: 'y', promotedAt: '2026-01-01T00:00:00.000Z' };
    expect(entryHash(GENESIS_HASH, reversed)).toBe(entryHash(GENESIS_HASH, f));
    expect(entryHash(GENESIS_HASH, withExtras)).toBe(entryHash(GENESIS_HASH, f));
  });

  it('treats an absent optional link as null', () => {
    const f = fields(2);
    const { occurredAt: _o, incidentId: _i, taskId: _t, correctsEntryId: _c, ...withoutLinks } = f;
    expect(chainFields(withoutLinks)).toEqual(f);
    expect(entryHash(GENESIS_HASH, chainFields(withoutLinks))).toBe(entryHash(GENESIS_HASH, f));
  });

  it('changes with every field, with the previous hash, and with unicode normalisation', () => {
    const f = fields(5);
    const base = entryHash(GENESIS_HASH, f);
    const variants: Partial<ChainFields>[] = [
      { id: '00000000-0000-4000-8000-999999999999' },
      { crisisId: '00000000-0000-4000-8000-000000000000' },
      { index: 6 },
      { text: 'Entrée 5 ' },
      { category: 'decision' },
      { cellule: 'liaison:SDIS63' },
      { authorId: '00000000-0000-4000-8000-000000000001' },
      { authorName: 'vigie' },
      { recordedAt: new Date(Date.parse(f.recordedAt) + 1).toISOString() },
      { occurredAt: f.recordedAt },
      { incidentId: '00000000-0000-4000-8000-000000000002' },
      { taskId: '00000000-0000-4000-8000-000000000003' },
      { correctsEntryId: '00000000-0000-4000-8000-000000000004' },
      { source: 'user' },
      { exercise: true },
    ];
    expect(variants).toHaveLength(Object.keys(f).length);
    for (const v of variants) expect(entryHash(GENESIS_HASH, { ...f, ...v })).not.toBe(base);
    expect(entryHash('1'.repeat(64), f)).not.toBe(base);
    const nfc = fields(5, { text: 'Préfecture' });
    const nfd = fields(5, { text: 'Préfecture'.normalize('NFD') });
    expect(entryHash(GENESIS_HASH, nfc)).not.toBe(entryHash(GENESIS_HASH, nfd));
  });

  it('hashes dates as ISO UTC with milliseconds, whatever the offset they came with', () => {
    const f = chainFields({
      ...fields(1),
      recordedAt: new Date('2026-01-15T09:00:00+01:00'),
      occurredAt: '2026-01-15T08:30:00.5+01:00',
    });
    expect(f.recordedAt).toBe('2026-01-15T08:00:00.000Z');
    expect(f.occurredAt).toBe('2026-01-15T07:30:00.500Z');
  });
});

describe('verifyChain', () => {
  it('accepts a valid chain and an empty one', () => {
    const entries = chain(5);
    expect(verifyChain(entries)).toEqual({ valid: true, entries: 5, lastHash: entries[4].hash });
    expect(verifyChain([])).toEqual({ valid: true, entries: 0, lastHash: GENESIS_HASH });
  });

  it('names an entry whose content was changed', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2], text: 'Entrée modifiée' };
    expect(verifyChain(entries)).toEqual({
      valid: false,
      entries: 5,
      firstBrokenEntryId: entries[2].id,
      index: 3,
      reason: 'hash',
    });
  });

  it('names the next entry when one was rewritten with a recomputed hash', () => {
    const entries = chain(5);
    const forged = { ...entries[1], text: 'Réécrite' };
    entries[1] = { ...forged, hash: entryHash(forged.prevHash, forged) };
    expect(verifyChain(entries)).toMatchObject({
      valid: false,
      firstBrokenEntryId: entries[2].id,
      reason: 'prev_hash',
    });
  });

  it('names the entry after a gap, and a duplicated index', () => {
    const entries = chain(5);
    expect(verifyChain([entries[0], entries[1], entries[3], entries[4]])).toMatchObject({
      valid: false,
      entries: 4,
      firstBrokenEntryId: entries[3].id,
      reason: 'index',
    });
    expect(verifyChain([entries[0], entries[1], entries[1]])).toMatchObject({
      firstBrokenEntryId: entries[1].id,
      index: 2,
    });
  });

  it('names the first entry when the chain does not start from genesis', () => {
    const entries = chain(3);
    expect(verifyChain(entries.slice(1))).toMatchObject({
      valid: false,
      firstBrokenEntryId: entries[1].id,
      reason: 'index',
    });
    entries[0] = { ...entries[0], prevHash: '1'.repeat(64) };
    expect(verifyChain(entries)).toMatchObject({
      valid: false,
      firstBrokenEntryId: entries[0].id,
      reason: 'prev_hash',
    });
  });

  it('checks the end of the chain against its head', () => {
    const entries = chain(5);
    const head = { lastIndex: 5, lastHash: entries[4].hash, lastEntryId: entries[4].id };
    expect(verifyChain(entries, head)).toMatchObject({ valid: true, entries: 5 });
    // the last entry deleted: the missing one is named
    expect(verifyChain(entries.slice(0, 4), head)).toEqual({
      valid: false,
      entries: 4,
      firstBrokenEntryId: entries[4].id,
      index: 5,
      reason: 'truncated',
    });
    // an entry beyond the head
    expect(
      verifyChain(entries, { lastIndex: 4, lastHash: entries[3].hash, lastEntryId: entries[3].id }),
    ).toMatchObject({
      firstBrokenEntryId: entries[4].id,
      reason: 'head',
    });
    // the same length but another end
    expect(verifyChain(entries, { ...head, lastHash: '2'.repeat(64) })).toMatchObject({
      firstBrokenEntryId: entries[4].id,
      reason: 'head',
    });
  });

  it('stops at the first break when fed page by page', () => {
    const entries = chain(4);
    entries[1] = { ...entries[1], authorName: 'Quelqu’un' };
    const verifier = new ChainVerifier();
    expect(entries.map((e) => verifier.add(e))).toEqual([true, false, false, false]);
    expect(verifier.result(4)).toMatchObject({ firstBrokenEntryId: entries[1].id });
  });
});

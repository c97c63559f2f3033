/**
 * The main courante's hash chain, as pure functions: canonical serialisation of an entry,
 * its hash, and the walk that checks a chain. No database, no Nest: the service feeds it rows.
 *
 * hash(entry) = sha256(prevHash + '\n' + canonicalJson(fields)), hex; the first entry's
 * prevHash is GENESIS_HASH. `fields` is every stored field of the entry except the hash
 * itself (prevHash is chained in front), so changing any column breaks the entry's hash, and
 * changing an entry's hash breaks its successor's link.
 */
import { createHash } from 'node:crypto';
import type { LogbookVerifyResult } from '../contracts/crisis';

export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed: every stored field but `hash` (dates as ISO 8601 UTC with milliseconds). */
export interface ChainFields {
  id: string;
  crisisId: string;
  index: number;
  text: string;
  category: string;
  cellule: string;
  authorId: string | null;
  authorName: string;
  recordedAt: string;
  occurredAt: string | null;
  incidentId: string | null;
  taskId: string | null;
  correctsEntryId: string | null;
  source: 'user' | 'system';
  exercise: boolean;
}

/** A stored entry as the verifier sees it. */
export interface ChainedEntry extends ChainFields {
  prevHash: string;
  hash: string;
}

/**
 * Why a chain stops holding: an unexpected index (gap or duplicate), a link that is not the
 * previous hash, a hash that does not match the entry, or a disagreement with the chain's head
 * (entries beyond it, the last ones missing, or a different final hash).
 */
export type ChainBreakReason = 'index' | 'prev_hash' | 'hash' | 'head' | 'truncated';

/** Where the head row says the chain ends (written in the same transaction as each entry). */
export interface ChainHead {
  lastIndex: number;
  lastHash: string;
  lastEntryId: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * JSON with object keys sorted (by UTF-16 code unit) at every level and no whitespace. Strings
 * are serialised by JSON.stringify (non-ASCII kept as is, lone surrogates escaped), then the
 * whole is hashed as UTF-8. `undefined` and non-finite numbers are refused rather than
 * silently dropped or turned into null: what is hashed is exactly what is stored.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, Json>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => {
        if (record[k] === undefined)
          throw new TypeError(`canonicalJson: "${k}" is undefined (use null)`);
        return `${JSON.stringify(k)}:${canonicalJson(record[k])}`;
      })
      .join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot serialise ${typeof value}`);
}

/** Exactly the hashed fields of an entry; optional links absent from `entry` count as null. */
export function chainFields(entry: {
  id: string;
  crisisId: string;
  index: number;
  text: string;
  category: string;
  cellule: string;
  authorId?: string | null;
  authorName: string;
  recordedAt: Date | string;
  occurredAt?: Date | string | null;
  incidentId?: string | null;
  taskId?: string | null;
  correctsEntryId?: string | null;
  source: 'user' | 'system';
  exercise: boolean;
}): ChainFields {
  return {
    id: entry.id,
    crisisId: entry.crisisId,
    index: entry.index,
    text: entry.text,
    category: entry.category,
    cellule: entry.cellule,
    authorId: entry.authorId ?? null,
    authorName: entry.authorName,
    recordedAt: isoMillis(entry.recordedAt),
    occurredAt: entry.occurredAt == null ? null : isoMillis(entry.occurredAt),
    incidentId: entry.incidentId ?? null,
    taskId: entry.taskId ?? null,
    correctsEntryId: entry.correctsEntryId ?? null,
    source: entry.source,
    exercise: entry.exercise,
  };
}

export function entryHash(prevHash: string, fields: ChainFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(chainFields(fields))}`, 'utf8')
    .digest('hex');
}

/**
 * Walks a chain entry by entry (in index order), so a long chain can be fed in pages. The
 * first entry whose index, link or hash does not hold is the broken one; the walk stops there.
 * With a `head`, the chain must also end exactly where the head says.
 */
export class ChainVerifier {
  private expectedIndex = 1;
  private previousHash = GENESIS_HASH;
  private lastEntryId: string | null = null;
  private broken: { entryId: string; index: number; reason: ChainBreakReason } | null = null;

  constructor(private readonly head?: ChainHead) {}

  /** Feeds the next entry; returns false once the chain is broken (feeding more is useless). */
  add(entry: ChainedEntry): boolean {
    if (this.broken) return false;
    const reason: ChainBreakReason | null =
      entry.index !== this.expectedIndex
        ? 'index'
        : this.head && entry.index > this.head.lastIndex
          ? 'head'
          : entry.prevHash !== this.previousHash
            ? 'prev_hash'
            : entryHash(entry.prevHash, entry) !== entry.hash
              ? 'hash'
              : null;
    if (reason) {
      this.broken = { entryId: entry.id, index: entry.index, reason };
      return false;
    }
    this.expectedIndex++;
    this.previousHash = entry.hash;
    this.lastEntryId = entry.id;
    return true;
  }

  /** The verdict; `total` is the number of entries stored (walked or not). */
  result(total: number): LogbookVerifyResult {
    const fail = (
      entryId: string,
      index: number,
      reason: ChainBreakReason,
    ): LogbookVerifyResult => ({
      valid: false,
      entries: total,
      firstBrokenEntryId: entryId,
      index,
      reason,
    });
    if (this.broken) return fail(this.broken.entryId, this.broken.index, this.broken.reason);
    const last = this.expectedIndex - 1;
    if (this.head && this.head.lastIndex > last && this.head.lastEntryId) {
      // the last entries are gone: name the one the head says ends the chain
      return fail(this.head.lastEntryId, this.head.lastIndex, 'truncated');
    }
    if (this.head && this.lastEntryId && this.head.lastHash !== this.previousHash) {
      return fail(this.lastEntryId, last, 'head');
    }
    return { valid: true, entries: total, lastHash: this.previousHash };
  }

  get lastHash(): string {
    return this.previousHash;
  }
}

/** Verifies a whole chain held in memory (in index order). */
export function verifyChain(
  entries: Iterable<ChainedEntry>,
  head?: ChainHead,
): LogbookVerifyResult {
  const verifier = new ChainVerifier(head);
  let total = 0;
  for (const entry of entries) {
    total++;
    verifier.add(entry);
  }
  return verifier.result(total);
}

function isoMillis(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`invalid date ${String(value)}`);
  return date.toISOString();
}

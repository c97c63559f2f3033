import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { AppError, parseOrThrow } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { LogbookEntry as LogbookEntryDto, LogbookVerifyResult } from '../contracts/crisis';
import type { DomainEventMap } from '../contracts/realtime';
import { crisisAudience } from '../crises/audience';
import { CrisesService } from '../crises/crises.service';
import { RecordedEvent, TransactionRunner, Tx } from '../database/transaction';
import { User } from '../users/user.entity';
import { ChainHead, ChainVerifier, GENESIS_HASH, entryHash, verifyChain } from './chain';
import { appendInSchema, type AppendLogbookInput, type LogbookQuery } from './logbook.dto';
import { LogbookEntry, LogbookHead } from './logbook.entity';
import { exportFilename, renderCsv, renderPdf, type LogbookExport } from './logbook.export';

export type { AppendLogbookInput } from './logbook.dto';

/** Who writes an entry: a person (name looked up when not given) or Vigie itself (id null). */
export interface LogbookAuthor {
  id: string | null;
  name?: string;
}

export type LogbookPromoted = DomainEventMap['logbook.promoted'];

export interface LogbookFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Name written on entries Vigie records with no person behind them. */
export const SYSTEM_AUTHOR = 'Vigie';
const VERIFY_PAGE = 1000;

export function toEntryDto(e: LogbookEntry): LogbookEntryDto {
  return {
    id: e.id,
    crisisId: e.crisisId,
    index: e.index,
    text: e.text,
    category: e.category,
    cellule: e.cellule,
    authorId: e.authorId,
    authorName: e.authorName,
    recordedAt: e.recordedAt.toISOString(),
    occurredAt: e.occurredAt?.toISOString() ?? null,
    incidentId: e.incidentId,
    taskId: e.taskId,
    correctsEntryId: e.correctsEntryId,
    source: e.source,
    exercise: e.exercise,
    prevHash: e.prevHash,
    hash: e.hash,
    promotedAt: e.promotion?.promotedAt.toISOString() ?? null,
    promotedBy: e.promotion?.promotedBy ?? null,
  };
}

/**
 * The main courante: an append-only, hash-chained logbook per crisis. Appends to one crisis
 * are serialised on its `logbook_head` row, so concurrent writers form a single chain.
 */
@Injectable()
export class LogbookService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
  ) {}

  /** Appends a user's entry in its own transaction; `seq` is its `logbook.appended` event's. */
  async append(
    crisisId: string,
    input: AppendLogbookInput,
    user: AuthUser,
  ): Promise<LogbookEntryDto & { seq: number }> {
    const { entry, event } = await this.tx.run((tx) =>
      this.write(
        tx,
        crisisId,
        { ...input, source: 'user' },
        { id: user.id, name: user.displayName },
      ),
    );
    return { ...entry, seq: event.seq };
  }

  /**
   * Appends inside the caller's transaction (COD transitions, tasks...): the entry and its
   * `logbook.appended` event commit or roll back with the caller's work. The crisis' chain
   * stays locked until that transaction ends: keep what follows short.
   */
  async appendIn(
    tx: Tx,
    crisisId: string,
    input: AppendLogbookInput & { source?: 'user' | 'system' },
    author: LogbookAuthor,
  ): Promise<LogbookEntryDto> {
    return (await this.write(tx, crisisId, input, author)).entry;
  }

  /** Entries in chain order, with their promotion, and the outbox head they were read at. */
  list(crisisId: string, query: LogbookQuery): Promise<{ data: LogbookEntryDto[]; seq: number }> {
    return this.tx.snapshot(async (m) => {
      await this.crises.require(m, crisisId);
      const qb = m
        .createQueryBuilder(LogbookEntry, 'e')
        .leftJoinAndSelect('e.promotion', 'p')
        .where('e.crisisId = :crisisId', { crisisId });
      if (query.category) qb.andWhere('e.category = :category', { category: query.category });
      if (query.cellule) qb.andWhere('e.cellule = :cellule', { cellule: query.cellule });
      if (query.promoted !== undefined)
        qb.andWhere(query.promoted ? 'p.entryId IS NOT NULL' : 'p.entryId IS NULL');
      if (query.since !== undefined) qb.andWhere('e.index > :since', { since: query.since });
      const entries = await qb.orderBy('e.index', 'ASC').limit(query.limit).getMany();
      return entries.map(toEntryDto);
    });
  }

  /**
   * Walks the whole chain in one snapshot: index continuity, every link, every hash
   * recomputed, and the end of the chain against its head. Names the first broken entry.
   */
  async verify(crisisId: string): Promise<LogbookVerifyResult> {
    const { data } = await this.tx.snapshot(async (m) => {
      await this.crises.require(m, crisisId);
      const [{ count }] = (await m.query(
        'SELECT count(*)::int AS count FROM logbook_entry WHERE crisis_id = $1',
        [crisisId],
      )) as [{ count: number }];
      const verifier = new ChainVerifier(await this.head(m, crisisId));
      let page: LogbookEntry[] = [];
      do {
        const after = page.at(-1)?.index;
        page = await m.find(LogbookEntry, {
          where: { crisisId, ...(after === undefined ? {} : { index: MoreThan(after) }) },
          order: { index: 'ASC' },
          take: VERIFY_PAGE,
        });
        if (!page.every((e) => verifier.add(toEntryDto(e)))) break;
      } while (page.length === VERIFY_PAGE);
      return verifier.result(count);
    });
    return data;
  }

  /** Promotes an entry to the "fil de situation" (once); the entry itself never changes. */
  async promote(entryId: string, user: AuthUser): Promise<LogbookPromoted & { seq: number }> {
    const { promotion, event } = await this.tx.run(async (tx) => {
      const entry = await tx.manager.findOne(LogbookEntry, {
        select: { id: true, crisisId: true },
        where: { id: entryId },
      });
      if (!entry) throw AppError.notFound('Logbook entry');
      const rows = (await tx.manager.query(
        `INSERT INTO logbook_promotion (entry_id, promoted_by, promoted_at) VALUES ($1, $2, now())
         ON CONFLICT (entry_id) DO NOTHING RETURNING promoted_at`,
        [entry.id, user.id],
      )) as { promoted_at: Date }[];
      if (rows.length === 0)
        throw new AppError('conflict', 'This entry is already in the situation feed');
      const promotion: LogbookPromoted = {
        entryId: entry.id,
        crisisId: entry.crisisId,
        promotedAt: rows[0].promoted_at.toISOString(),
        promotedBy: user.id,
      };
      return { promotion, event: tx.emit('logbook.promoted', promotion, crisisAudience()) };
    });
    return { ...promotion, seq: event.seq };
  }

  async exportCsv(crisisId: string): Promise<LogbookFile> {
    const data = await this.exportData(crisisId);
    return {
      filename: exportFilename(data.exportedAt, 'csv'),
      contentType: 'text/csv; charset=utf-8',
      content: renderCsv(data),
    };
  }

  async exportPdf(crisisId: string): Promise<LogbookFile> {
    const data = await this.exportData(crisisId);
    return {
      filename: exportFilename(data.exportedAt, 'pdf'),
      contentType: 'application/pdf',
      content: await renderPdf(data),
    };
  }

  /** The whole chain and its verification, read in one snapshot. */
  private async exportData(crisisId: string): Promise<LogbookExport> {
    const { data } = await this.tx.snapshot(async (m) => {
      const crisis = await this.crises.require(m, crisisId);
      const entries = (
        await m.find(LogbookEntry, {
          where: { crisisId },
          relations: { promotion: true },
          order: { index: 'ASC' },
        })
      ).map(toEntryDto);
      return {
        crisis,
        entries,
        verify: verifyChain(entries, await this.head(m, crisisId)),
        exportedAt: new Date(),
      };
    });
    return data;
  }

  private async head(m: EntityManager, crisisId: string): Promise<ChainHead> {
    const head = await m.findOne(LogbookHead, { where: { crisisId } });
    return head
      ? { lastIndex: head.lastIndex, lastHash: head.lastHash, lastEntryId: head.lastEntryId }
      : { lastIndex: 0, lastHash: GENESIS_HASH, lastEntryId: null };
  }

  private async write(
    tx: Tx,
    crisisId: string,
    raw: AppendLogbookInput & { source?: 'user' | 'system' },
    author: LogbookAuthor,
  ): Promise<{ entry: LogbookEntryDto; event: RecordedEvent }> {
    const input = parseOrThrow(appendInSchema, raw);
    const m = tx.manager;
    const crisis = await this.crises.require(m, crisisId);
    const authorName =
      author.name ?? (author.id ? await this.displayName(m, author.id) : SYSTEM_AUTHOR);
    if (input.correctsEntryId) await this.requireSameCrisis(m, crisisId, input.correctsEntryId);

    // from here to commit, this crisis' chain is ours: index, link and clock follow the lock
    const head = await this.lockHead(m, crisisId);
    const base = {
      id: randomUUID(),
      crisisId,
      index: head.lastIndex + 1,
      text: input.text,
      category: input.category,
      cellule: input.cellule,
      authorId: author.id,
      authorName,
      recordedAt: head.now.toISOString(),
      occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
      incidentId: input.incidentId ?? null,
      taskId: input.taskId ?? null,
      correctsEntryId: input.correctsEntryId ?? null,
      source: input.source,
      exercise: crisis.exercise,
      prevHash: head.lastHash,
    };
    const hash = entryHash(base.prevHash, base);
    // insert the entry and move the head in one statement
    await m.query(
      `WITH e AS (
         INSERT INTO logbook_entry (id, crisis_id, "index", text, category, cellule, author_id, author_name, recorded_at,
           occurred_at, incident_id, task_id, corrects_entry_id, source, exercise, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         RETURNING id, "index", hash)
       UPDATE logbook_head h SET last_index = e."index", last_hash = e.hash, last_entry_id = e.id
       FROM e WHERE h.crisis_id = $2`,
      [
        base.id,
        crisisId,
        base.index,
        base.text,
        base.category,
        base.cellule,
        base.authorId,
        base.authorName,
        head.now,
        base.occurredAt,
        base.incidentId,
        base.taskId,
        base.correctsEntryId,
        base.source,
        base.exercise,
        base.prevHash,
        hash,
      ],
    );
    const entry: LogbookEntryDto = { ...base, hash, promotedAt: null, promotedBy: null };
    return { entry, event: tx.emit('logbook.appended', entry, crisisAudience()) };
  }

  /**
   * Locks the crisis' chain head (created on the first append) and reads the clock once the
   * lock is held, so a later entry never carries an earlier time.
   */
  private async lockHead(
    m: EntityManager,
    crisisId: string,
  ): Promise<{ lastIndex: number; lastHash: string; now: Date }> {
    const lock = async () =>
      (await m.query(
        `WITH h AS MATERIALIZED (SELECT last_index, last_hash FROM logbook_head WHERE crisis_id = $1 FOR UPDATE)
         SELECT last_index, last_hash, clock_timestamp() AS now FROM h`,
        [crisisId],
      )) as { last_index: number; last_hash: string; now: Date }[];
    let rows = await lock();
    if (rows.length === 0) {
      await m.query(
        `INSERT INTO logbook_head (crisis_id, last_index, last_hash) VALUES ($1, 0, $2) ON CONFLICT (crisis_id) DO NOTHING`,
        [crisisId, GENESIS_HASH],
      );
      rows = await lock();
    }
    const [row] = rows;
    return { lastIndex: row.last_index, lastHash: row.last_hash, now: row.now };
  }

  private async displayName(m: EntityManager, userId: string): Promise<string> {
    const user = await m.findOne(User, {
      select: { id: true, displayName: true },
      where: { id: userId },
    });
    if (!user) throw AppError.notFound('User');
    return user.displayName;
  }

  private async requireSameCrisis(
    m: EntityManager,
    crisisId: string,
    entryId: string,
  ): Promise<void> {
    const corrected = await m.findOne(LogbookEntry, {
      select: { id: true, crisisId: true },
      where: { id: entryId },
    });
    if (corrected?.crisisId !== crisisId) {
      throw new AppError('validation', 'Invalid request', [
        { path: 'correctsEntryId', message: "not an entry of this crisis' main courante" },
      ]);
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type {
  Communique as CommuniqueDto,
  CommuniqueActionInput,
  CommuniqueDiff,
  CommuniqueInput,
  CommuniqueListItem,
  CommuniqueReportRow,
  CommuniqueStatus,
  CommuniqueUpdate,
  PublicCommunique,
} from '../contracts/press';
import { Crisis } from '../crises/crisis.entity';
import { TransactionRunner } from '../database/transaction';
import { ContactGroup, ContactGroupMember } from '../directory/contact-group.entity';
import { Contact } from '../directory/contact.entity';
import { PagesService } from '../paging/pages.service';
import { Communique, CommuniqueTransition, CommuniqueVersion } from './communique.entity';
import { allowedCommuniqueActions, checkCommuniqueAction, isEditable } from './communique-workflow';
import { diffText } from './diff';
import { electoralWarnings } from './electoral-period';
import { renderHtml, renderText } from './markdown';
import { PressContactProfile } from './press-contact.entity';
import { ruleValue } from './press-rules';
import { PressSettings } from './press-settings';
import { parisDate } from './publication-dates';

/** The paging pipeline's e-mail message is at most 1,400 characters. */
const MESSAGE_MAX = 1400;

export function toListItem(c: Communique): CommuniqueListItem {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    kind: c.kind,
    theme: c.theme,
    status: c.status,
    authorId: c.authorId,
    authorName: c.authorName,
    validatedBy: c.validatedBy,
    validatedByName: c.validatedByName,
    validatedAt: c.validatedAt?.toISOString() ?? null,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    embargoUntil: c.embargoUntil?.toISOString() ?? null,
    crisisId: c.crisisId,
    visitId: c.visitId,
    pressListIds: c.pressListIds,
    website: c.website,
    exercise: c.exercise,
    attachments: c.attachments,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    pageId: c.pageId,
  };
}

export function toPublic(c: Communique): PublicCommunique {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    kind: c.kind,
    theme: c.theme,
    html: renderHtml(c.body),
    publishedAt: c.publishedAt!.toISOString(),
    attachments: c.attachments,
  };
}

/** The e-mail to the press lists: the communiqué's text, cut to fit, and the link to the full text. */
export function pressMessage(c: Pick<Communique, 'reference' | 'title' | 'body'>, link: string): string {
  const tail = `\n\nTexte intégral : ${link}`;
  const text = `${c.reference}\n\n${renderText(c.body)}`;
  const room = MESSAGE_MAX - tail.length;
  return (text.length <= room ? text : `${text.slice(0, room - 2).trimEnd()} …`) + tail;
}

/**
 * Communiqués: drafted by the press office, validated by the directeur de cabinet (never by
 * their author), published after the embargo to the public page, the Atom feed and the press
 * lists (through the paging pipeline's e-mail channel). An EXERCICE communiqué reaches none of
 * these channels.
 */
@Injectable()
export class CommuniquesService {
  private readonly logger = new Logger('Communiques');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly moduleRef: ModuleRef,
    private readonly settings: PressSettings,
  ) {}

  async list(query: { status?: CommuniqueStatus }): Promise<CommuniqueListItem[]> {
    const rows = await this.tx.snapshot((m) =>
      m.find(Communique, { where: query.status ? { status: query.status } : {}, order: { updatedAt: 'DESC', id: 'ASC' }, take: 500 }),
    );
    return rows.data.map(toListItem);
  }

  /** Published communiqués of `year` by month and theme (Paris time), exercises aside. */
  async report(year: number): Promise<CommuniqueReportRow[]> {
    const { data } = await this.tx.snapshot(
      (m) =>
        m.query(
          `SELECT to_char(published_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month, theme, count(*)::int AS count
             FROM communique
            WHERE published_at IS NOT NULL AND NOT exercise
              AND extract(year FROM published_at AT TIME ZONE 'Europe/Paris') = $1
            GROUP BY 1, 2 ORDER BY 1, 2`,
          [year],
        ) as Promise<CommuniqueReportRow[]>,
    );
    return data;
  }

  async get(id: string, user: AuthUser): Promise<CommuniqueDto> {
    const { data } = await this.tx.snapshot((m) => this.load(m, id, user));
    return data;
  }

  create(input: CommuniqueInput, user: AuthUser): Promise<CommuniqueDto> {
    return this.tx.run(async ({ manager: m }) => {
      const exercise = (await this.checkLinks(m, input)) || input.exercise;
      const now = new Date();
      const year = Number(parisDate(now).slice(0, 4));
      await m.query('SELECT pg_advisory_xact_lock(6300901, $1)', [year]);
      const [{ n }] = (await m.query(`SELECT count(*)::int + 1 AS n FROM communique WHERE reference LIKE $1`, [`CP-${year}-%`])) as [{ n: number }];
      const c = await m.save(
        m.create(Communique, {
          reference: `CP-${year}-${String(n).padStart(4, '0')}`,
          title: input.title,
          kind: input.kind,
          theme: input.theme,
          body: input.body,
          status: 'brouillon',
          authorId: user.id,
          authorName: user.displayName,
          embargoUntil: input.embargoUntil ? new Date(input.embargoUntil) : null,
          crisisId: input.crisisId ?? null,
          visitId: input.visitId ?? null,
          pressListIds: [...new Set(input.pressListIds)],
          website: input.website,
          exercise,
          attachments: input.attachments,
          version: 1,
          updatedAt: now,
        }),
      );
      await m.insert(CommuniqueVersion, { communiqueId: c.id, version: 1, title: c.title, body: c.body, at: now, by: user.id, byName: user.displayName });
      await m.insert(CommuniqueTransition, { communiqueId: c.id, from: null, to: 'brouillon', at: now, by: user.id, byName: user.displayName, note: null });
      return this.load(m, c.id, user);
    });
  }

  /** Changes a draft (quoting its `version`); a new title or body is a new version of the history. */
  update(id: string, input: CommuniqueUpdate, user: AuthUser): Promise<CommuniqueDto> {
    return this.tx.run(async ({ manager: m }) => {
      const c = await m.findOne(Communique, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw AppError.notFound('Communiqué');
      if (!isEditable(c.status))
        throw new AppError('invalid_transition', 'Only a draft can be changed: take it back to draft first (it will need a new validation)');
      if (input.version !== c.version) throw new AppError('stale_version', 'This communiqué was changed meanwhile', [{ path: 'version', message: `current version is ${c.version}` }]);
      const linkedExercise = await this.checkLinks(m, { crisisId: input.crisisId === undefined ? c.crisisId : input.crisisId, pressListIds: input.pressListIds ?? [] });
      const now = new Date();
      const contentChanged = (input.title !== undefined && input.title !== c.title) || (input.body !== undefined && input.body !== c.body);
      Object.assign(c, {
        title: input.title ?? c.title,
        kind: input.kind ?? c.kind,
        theme: input.theme ?? c.theme,
        body: input.body ?? c.body,
        embargoUntil: input.embargoUntil === undefined ? c.embargoUntil : input.embargoUntil ? new Date(input.embargoUntil) : null,
        crisisId: input.crisisId === undefined ? c.crisisId : input.crisisId,
        visitId: input.visitId === undefined ? c.visitId : input.visitId,
        pressListIds: input.pressListIds ? [...new Set(input.pressListIds)] : c.pressListIds,
        website: input.website ?? c.website,
        // once an exercise, always an exercise
        exercise: c.exercise || linkedExercise || (input.exercise ?? false),
        attachments: input.attachments ?? c.attachments,
        version: c.version + 1,
        updatedAt: now,
      });
      await m.save(c);
      if (contentChanged) await m.insert(CommuniqueVersion, { communiqueId: c.id, version: c.version, title: c.title, body: c.body, at: now, by: user.id, byName: user.displayName });
      return this.load(m, c.id, user);
    });
  }

  /** Moves the communiqué along its workflow; publishing then e-mails the press lists (not in an exercise). */
  async act(id: string, input: CommuniqueActionInput, user: AuthUser): Promise<CommuniqueDto> {
    const published = await this.tx.run(async ({ manager: m }) => {
      const c = await m.findOne(Communique, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw AppError.notFound('Communiqué');
      const now = new Date();
      const check = checkCommuniqueAction(c, input.action, user, now);
      if (!check.ok) throw new AppError(check.code, check.message);
      const from = c.status;
      c.status = check.to;
      c.updatedAt = now;
      if (input.action === 'validate') Object.assign(c, { validatedBy: user.id, validatedByName: user.displayName, validatedAt: now });
      if (input.action === 'reopen' || input.action === 'reject') Object.assign(c, { validatedBy: null, validatedByName: null, validatedAt: null });
      if (input.action === 'publish') c.publishedAt = now;
      await m.save(c);
      await m.insert(CommuniqueTransition, { communiqueId: c.id, from, to: c.status, at: now, by: user.id, byName: user.displayName, note: input.note ?? null });
      return input.action === 'publish' ? c : null;
    });
    if (published && !published.exercise) await this.sendToPressLists(published, user);
    return this.get(id, user);
  }

  /** Word diff between two versions of the history. */
  async diff(id: string, from: number, to: number): Promise<CommuniqueDiff> {
    const versions = await this.tx.snapshot((m) => m.find(CommuniqueVersion, { where: { communiqueId: id, version: In([from, to]) } }));
    const a = versions.data.find((v) => v.version === from);
    const b = versions.data.find((v) => v.version === to);
    if (!a || !b) throw AppError.notFound('Version');
    return { from, to, title: diffText(a.title, b.title), body: diffText(a.body, b.body) };
  }

  async raw(id: string): Promise<Communique> {
    const { data } = await this.tx.snapshot((m) => m.findOneBy(Communique, { id }));
    if (!data) throw AppError.notFound('Communiqué');
    return data;
  }

  /** What the public page and the feed show: published, on the website, never an exercise. */
  async published(limit = 50): Promise<Communique[]> {
    const { data } = await this.tx.snapshot((m) =>
      m.find(Communique, { where: { status: 'publie', website: true, exercise: false }, order: { publishedAt: 'DESC', id: 'ASC' }, take: limit }),
    );
    return data;
  }

  async publishedOne(id: string): Promise<Communique> {
    const { data } = await this.tx.snapshot((m) => m.findOneBy(Communique, { id, status: 'publie', website: true, exercise: false }));
    if (!data) throw AppError.notFound('Communiqué');
    return data;
  }

  /**
   * E-mails the published communiqué to the members of its press lists who are active, have an
   * e-mail and gave their RGPD consent, through the paging pipeline (e-mail channel, no
   * acknowledgement). The communiqué stays published if this fails; the error is logged and the
   * history says so.
   */
  private async sendToPressLists(c: Communique, user: AuthUser): Promise<void> {
    if (c.exercise) return;
    const recipients = await this.tx.snapshot((m) => this.consentingMembers(m, c.pressListIds));
    const pages = this.moduleRef.get(PagesService, { strict: false });
    const note = async (text: string) => {
      await this.tx.run(({ manager: m }) => m.insert(CommuniqueTransition, { communiqueId: c.id, from: 'publie', to: 'publie', at: new Date(), by: user.id, byName: user.displayName, note: text }));
    };
    if (recipients.data.length === 0) {
      if (c.pressListIds.length) await note('Aucun destinataire : aucun journaliste des listes n’a donné son consentement avec une adresse électronique.');
      return;
    }
    try {
      const link = `${this.settings.publicUrl}/api/public/communiques/${c.id}.html`;
      const { id: pageId } = await pages.create(
        {
          title: `Communiqué : ${c.title}`.slice(0, 160),
          message: pressMessage(c, link),
          severity: 'information',
          recipients: { contactIds: recipients.data },
          channels: ['email'],
          ackRequired: false,
          escalateAfterSec: 300,
        },
        user,
        `communique-${c.id}`,
      );
      await this.tx.run(({ manager: m }) => m.update(Communique, { id: c.id }, { pageId }));
      await note(`Envoyé par courriel à ${recipients.data.length} journaliste(s).`);
    } catch (e) {
      this.logger.error(`communiqué ${c.id}: e-mail to the press lists failed: ${e instanceof Error ? e.message : String(e)}`);
      await note('Échec de l’envoi aux listes presse : voir le journal du serveur.');
    }
  }

  private async consentingMembers(m: EntityManager, listIds: string[]): Promise<string[]> {
    if (listIds.length === 0) return [];
    const rows = await m
      .createQueryBuilder(ContactGroupMember, 'gm')
      .innerJoin(Contact, 'c', 'c.id = gm.contact_id')
      .innerJoin(PressContactProfile, 'p', 'p.contact_id = c.id')
      .select('DISTINCT c.id', 'id')
      .where('gm.group_id IN (:...listIds) AND c.active AND c.email IS NOT NULL AND p.consent', { listIds })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id).sort();
  }

  /** Checks the crisis and the press lists exist; true when the crisis is an exercise. */
  private async checkLinks(m: EntityManager, input: { crisisId?: string | null; pressListIds?: string[] }): Promise<boolean> {
    const problems: { path: string; message: string }[] = [];
    let exercise = false;
    if (input.crisisId) {
      const crisis = await m.findOneBy(Crisis, { id: input.crisisId });
      if (!crisis) problems.push({ path: 'crisisId', message: 'no such crisis' });
      else exercise = crisis.exercise;
    }
    const ids = [...new Set(input.pressListIds ?? [])];
    if (ids.length) {
      const found = new Set((await m.findBy(ContactGroup, { id: In(ids) })).map((g) => g.id));
      ids.forEach((id, i) => {
        if (!found.has(id)) problems.push({ path: `pressListIds.${i}`, message: 'no such press list' });
      });
    }
    if (problems.length) throw new AppError('validation', 'Invalid request', problems);
    return exercise;
  }

  private async load(m: EntityManager, id: string, user: AuthUser): Promise<CommuniqueDto> {
    const c = await m.findOneBy(Communique, { id });
    if (!c) throw AppError.notFound('Communiqué');
    const history = await m.find(CommuniqueTransition, { where: { communiqueId: id }, order: { at: 'ASC', id: 'ASC' } });
    const versions = await m.find(CommuniqueVersion, { where: { communiqueId: id }, order: { version: 'ASC' } });
    const now = new Date();
    const warnings = c.status === 'publie' || c.status === 'retire' ? [] : await electoralWarnings(m, now, await ruleValue(m, 'electoral_warning_months', parisDate(now)));
    return {
      ...toListItem(c),
      body: c.body,
      html: renderHtml(c.body),
      electoralWarnings: warnings,
      allowedActions: allowedCommuniqueActions(c, user, now),
      history: history.map((h) => ({ from: h.from, to: h.to, at: h.at.toISOString(), byName: h.byName, note: h.note })),
      versions: versions.map((v) => ({ version: v.version, at: v.at.toISOString(), byName: v.byName, title: v.title })),
    };
  }
}

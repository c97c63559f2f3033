import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { AppError } from '../common/app-error';
import type { ActInput, AdministrativeAct as ActDto, RaaIssue as RaaIssueDto } from '../contracts/press';
import { TransactionRunner } from '../database/transaction';
import { ruleValue } from './press-rules';
import { addMonths, parisDate, raaLabel } from './publication-dates';
import { AdministrativeAct, RaaIssue } from './publication.entity';

function toActDto(a: AdministrativeAct, issue: RaaIssue | null): ActDto {
  return {
    id: a.id,
    number: a.number,
    signedAt: a.signedAt,
    signatory: a.signatory,
    delegation: a.delegation,
    service: a.service,
    nature: a.nature,
    subject: a.subject,
    hasPdf: a.hasPdf,
    raaIssueId: a.raaIssueId,
    raaLabel: issue ? raaLabel(issue.year, issue.seq) : null,
    publishedAt: issue?.publishedOn ?? null,
    appealDeadline: issue?.appealDeadline ?? null,
    enforceableAt: a.enforceableAt,
  };
}

/**
 * Official publications: the register of acts and the numbered issues of the recueil des actes
 * administratifs. Publishing an issue fixes its date and the appeal deadline (publication + the
 * rule table's delay); an act becomes enforceable only once published.
 */
@Injectable()
export class PublicationsService {
  constructor(private readonly tx: TransactionRunner) {}

  async listActs(): Promise<ActDto[]> {
    const { data } = await this.tx.snapshot(async (m) => {
      const acts = await m.find(AdministrativeAct, { relations: { raaIssue: true }, order: { signedAt: 'DESC', number: 'DESC' }, take: 2000 });
      return acts.map((a) => toActDto(a, a.raaIssue));
    });
    return data;
  }

  createAct(input: ActInput): Promise<ActDto> {
    return this.tx.run(async ({ manager: m }) => {
      const pdf = input.pdfBase64 ? Buffer.from(input.pdfBase64, 'base64') : null;
      const problems: { path: string; message: string }[] = [];
      if (pdf && pdf.subarray(0, 5).toString('latin1') !== '%PDF-') problems.push({ path: 'pdfBase64', message: 'not a PDF file' });
      if (await m.existsBy(AdministrativeAct, { number: input.number })) problems.push({ path: 'number', message: 'an act already has this number' });
      if (input.signedAt > parisDate(new Date())) problems.push({ path: 'signedAt', message: 'in the future' });
      if (problems.length) throw new AppError('validation', 'Invalid request', problems);
      const act = await m.save(
        m.create(AdministrativeAct, {
          number: input.number,
          signedAt: input.signedAt,
          signatory: input.signatory,
          delegation: input.delegation ?? null,
          service: input.service,
          nature: input.nature,
          subject: input.subject,
          pdf,
          hasPdf: pdf !== null,
          raaIssueId: null,
          raaPosition: null,
          enforceableAt: null,
        }),
      );
      return toActDto(act, null);
    });
  }

  async actPdf(id: string): Promise<{ number: string; pdf: Buffer }> {
    const { data } = await this.tx.snapshot((m) => m.findOne(AdministrativeAct, { where: { id }, select: { id: true, number: true, pdf: true } }));
    if (!data?.pdf) throw AppError.notFound('Act PDF');
    return { number: data.number, pdf: data.pdf };
  }

  /** Marks an individual act enforceable (after its notification): refused before its publication. */
  markEnforceable(id: string): Promise<ActDto> {
    return this.tx.run(async ({ manager: m }) => {
      const act = await m.findOne(AdministrativeAct, { where: { id }, relations: { raaIssue: true } });
      if (!act) throw AppError.notFound('Act');
      const published = act.raaIssue?.publishedOn;
      if (!published || published > parisDate(new Date()))
        throw new AppError('invalid_transition', 'An act is enforceable only once published in the recueil des actes administratifs');
      act.enforceableAt ??= published;
      await m.save(act);
      return toActDto(act, act.raaIssue);
    });
  }

  async listIssues(): Promise<RaaIssueDto[]> {
    const { data } = await this.tx.snapshot(async (m) => {
      const issues = await m.find(RaaIssue, { order: { year: 'DESC', seq: 'DESC' } });
      return Promise.all(issues.map((i) => this.issueDto(m, i)));
    });
    return data;
  }

  async issue(id: string): Promise<RaaIssueDto> {
    const { data } = await this.tx.snapshot(async (m) => {
      const issue = await m.findOneBy(RaaIssue, { id });
      if (!issue) throw AppError.notFound('RAA issue');
      return this.issueDto(m, issue);
    });
    return data;
  }

  /** Assembles the next issue of the year from acts not yet in an issue, in the order given. */
  createIssue(input: { actIds: string[]; title?: string | null }): Promise<RaaIssueDto> {
    return this.tx.run(async ({ manager: m }) => {
      const year = Number(parisDate(new Date()).slice(0, 4));
      await m.query('SELECT pg_advisory_xact_lock(6300902, $1)', [year]);
      const ids = input.actIds;
      const acts = await m.find(AdministrativeAct, { where: { id: In(ids) }, lock: { mode: 'pessimistic_write' } });
      const byId = new Map(acts.map((a) => [a.id, a]));
      const problems = ids.flatMap((id, i) => {
        const act = byId.get(id);
        if (ids.indexOf(id) !== i) return [{ path: `actIds.${i}`, message: 'listed twice' }];
        if (!act) return [{ path: `actIds.${i}`, message: 'no such act' }];
        if (act.raaIssueId) return [{ path: `actIds.${i}`, message: `act ${act.number} is already in an issue` }];
        return [];
      });
      if (problems.length) throw new AppError('validation', 'Invalid request', problems);
      const [{ next }] = (await m.query('SELECT coalesce(max(seq), 0) + 1 AS next FROM raa_issue WHERE year = $1', [year])) as [{ next: number }];
      const issue = await m.save(m.create(RaaIssue, { year, seq: next, title: input.title ?? null, publishedOn: null, appealDeadline: null }));
      for (const [position, id] of ids.entries()) await m.update(AdministrativeAct, { id }, { raaIssueId: issue.id, raaPosition: position + 1 });
      return this.issueDto(m, issue);
    });
  }

  /** Publishes the issue on `publishedOn`: the appeal deadline follows; its regulatory acts become enforceable. */
  publishIssue(id: string, publishedOn: string): Promise<RaaIssueDto> {
    return this.tx.run(async ({ manager: m }) => {
      const issue = await m.findOne(RaaIssue, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!issue) throw AppError.notFound('RAA issue');
      if (issue.publishedOn) throw new AppError('invalid_transition', 'This issue is already published');
      const acts = await m.find(AdministrativeAct, { where: { raaIssueId: id } });
      const problems = acts.filter((a) => a.signedAt > publishedOn).map((a) => ({ path: 'publishedOn', message: `before the signature of act ${a.number} (${a.signedAt})` }));
      if (publishedOn > parisDate(new Date())) problems.push({ path: 'publishedOn', message: 'in the future' });
      if (problems.length) throw new AppError('validation', 'Invalid request', problems);
      issue.publishedOn = publishedOn;
      issue.appealDeadline = addMonths(publishedOn, await ruleValue(m, 'appeal_delay_months', publishedOn));
      await m.save(issue);
      await m.update(AdministrativeAct, { raaIssueId: id, nature: 'reglementaire', enforceableAt: IsNull() }, { enforceableAt: publishedOn });
      return this.issueDto(m, issue);
    });
  }

  private async issueDto(m: EntityManager, issue: RaaIssue): Promise<RaaIssueDto> {
    const acts = await m.find(AdministrativeAct, { where: { raaIssueId: issue.id }, order: { raaPosition: 'ASC' } });
    return {
      id: issue.id,
      year: issue.year,
      seq: issue.seq,
      label: raaLabel(issue.year, issue.seq),
      title: issue.title,
      publishedOn: issue.publishedOn,
      appealDeadline: issue.appealDeadline,
      acts: acts.map((a) => toActDto(a, issue)),
    };
  }
}

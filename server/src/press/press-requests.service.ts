import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { PressRequest as PressRequestDto, PressRequestInput, PressRequestStatus, PressRequestUpdate } from '../contracts/press';
import { TransactionRunner } from '../database/transaction';
import { PressContactProfile } from './press-contact.entity';
import { PressRequest } from './press-request.entity';

export const OPEN_REQUEST_STATUSES: PressRequestStatus[] = ['recue', 'en_cours'];

export function isRequestOverdue(r: Pick<PressRequest, 'status' | 'deadline'>, now: Date): boolean {
  return OPEN_REQUEST_STATUSES.includes(r.status) && r.deadline < now;
}

function toDto(r: PressRequest, now: Date): PressRequestDto {
  return {
    id: r.id,
    contactId: r.contactId,
    journalistName: r.journalistName,
    media: r.media,
    subject: r.subject,
    details: r.details,
    receivedAt: r.receivedAt.toISOString(),
    deadline: r.deadline.toISOString(),
    spokesperson: r.spokesperson,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    status: r.status,
    overdue: isRequestOverdue(r, now),
    createdByName: r.createdByName,
  };
}

/** Journalists' requests: logged, assigned to a spokesperson, answered before their deadline. */
@Injectable()
export class PressRequestsService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Open ones first by deadline; `overdue` keeps the open ones past their deadline. */
  async list(query: { overdue?: 'true' | 'false'; open?: 'true' | 'false' }): Promise<PressRequestDto[]> {
    const now = new Date();
    const { data } = await this.tx.snapshot((m) =>
      m.find(PressRequest, {
        where:
          query.overdue === 'true'
            ? { status: In(OPEN_REQUEST_STATUSES), deadline: LessThan(now) }
            : query.open === 'true'
              ? { status: In(OPEN_REQUEST_STATUSES) }
              : {},
        order: { deadline: 'ASC', id: 'ASC' },
        take: 1000,
      }),
    );
    return data
      .map((r) => toDto(r, now))
      .sort((a, b) => Number(OPEN_REQUEST_STATUSES.includes(b.status)) - Number(OPEN_REQUEST_STATUSES.includes(a.status)));
  }

  create(input: PressRequestInput, user: AuthUser): Promise<PressRequestDto> {
    return this.tx.run(async ({ manager: m }) => {
      if (input.contactId && !(await m.existsBy(PressContactProfile, { contactId: input.contactId })))
        throw new AppError('validation', 'Invalid request', [{ path: 'contactId', message: 'not a press contact' }]);
      const r = await m.save(
        m.create(PressRequest, {
          contactId: input.contactId ?? null,
          journalistName: input.journalistName,
          media: input.media,
          subject: input.subject,
          details: input.details ?? null,
          deadline: new Date(input.deadline),
          spokesperson: input.spokesperson ?? null,
          status: input.spokesperson ? 'en_cours' : 'recue',
          createdBy: user.id,
          createdByName: user.displayName,
        }),
      );
      return toDto(r, new Date());
    });
  }

  update(id: string, input: PressRequestUpdate): Promise<PressRequestDto> {
    return this.tx.run(async ({ manager: m }) => {
      const r = await m.findOne(PressRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw AppError.notFound('Press request');
      const now = new Date();
      if (input.spokesperson !== undefined) r.spokesperson = input.spokesperson ?? null;
      if (input.answer !== undefined) r.answer = input.answer ?? null;
      if (input.deadline) r.deadline = new Date(input.deadline);
      if (input.status) r.status = input.status;
      else if (r.status === 'recue' && r.spokesperson) r.status = 'en_cours';
      if (r.status === 'repondue') {
        if (!r.answer) throw new AppError('validation', 'Invalid request', [{ path: 'answer', message: 'an answered request needs its answer' }]);
        r.answeredAt ??= now;
      } else r.answeredAt = null;
      await m.save(r);
      return toDto(r, now);
    });
  }
}

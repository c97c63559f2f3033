import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { AppError } from '../common/app-error';
import type { AuthUser } from '../common/auth-user';
import type { CodPosition as CodPositionDto, CodState as CodStateDto } from '../contracts/crisis';
import { crisisAudience } from '../crises/audience';
import { CrisesService } from '../crises/crises.service';
import { Tx, TransactionRunner } from '../database/transaction';
import { LogbookService } from '../logbook/logbook.service';
import { allowedCodTransitions, checkCodTransition, codTransitionText } from './cod-transitions';
import type { CodTransitionInput, PositionSignInInput } from './cod.dto';
import { CodPosition, CodState, CodTransition } from './cod.entity';

function toStateDto(s: CodState): Omit<CodStateDto, 'seq'> {
  return {
    level: s.level,
    since: s.since.toISOString(),
    changedBy: s.changedBy ? { id: s.changedBy, displayName: s.changedByName ?? '' } : null,
    crisisId: s.crisisId,
    reason: s.reason,
  };
}

function toPositionDto(p: CodPosition): CodPositionDto {
  return {
    id: p.id,
    userId: p.userId,
    displayName: p.displayName,
    cellule: p.cellule,
    function: p.function,
    signedInAt: p.signedInAt.toISOString(),
    signedOutAt: p.signedOutAt?.toISOString() ?? null,
  };
}

/** The COD activation state machine and who is in the room. */
@Injectable()
export class CodService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly crises: CrisesService,
    private readonly logbook: LogbookService,
  ) {}

  async state(user: AuthUser): Promise<CodStateDto & { allowedTransitions: string[] }> {
    const { data, seq } = await this.tx.snapshot((m) => this.current(m));
    return { ...toStateDto(data), seq, allowedTransitions: allowedCodTransitions(data.level, user.roles) };
  }

  history(): Promise<{ data: CodTransition[]; seq: number }> {
    return this.tx.snapshot((m) => m.find(CodTransition, { order: { id: 'DESC' }, take: 200 }));
  }

  /**
   * Changes the COD level: checked against the transition table, written to the linked
   * crisis' main courante and to the history, published as `cod.changed`, in one transaction.
   */
  async transition(input: CodTransitionInput, user: AuthUser): Promise<CodStateDto> {
    const { dto, event } = await this.tx.run(async (tx) => {
      const state = await this.current(tx.manager, true);
      const check = checkCodTransition(state.level, input.to, user.roles);
      if (!check.ok) throw new AppError(check.code, check.message, check.details);
      const crisisId = await this.crisisFor(tx.manager, state, input);
      const now = new Date();
      await tx.manager.insert(CodTransition, {
        from: state.level,
        to: input.to,
        reason: input.reason,
        crisisId,
        by: user.id,
        byName: user.displayName,
        at: now,
      });
      Object.assign(state, {
        level: input.to,
        since: now,
        changedBy: user.id,
        changedByName: user.displayName,
        crisisId: input.to === 'veille' ? null : crisisId,
        reason: input.reason,
      });
      await tx.manager.save(state);
      await this.logbook.appendIn(
        tx,
        crisisId,
        { text: codTransitionText(check.kind, input.to, input.reason), category: 'decision', cellule: 'direction', source: 'system' },
        { id: user.id, name: user.displayName },
      );
      const dto = toStateDto(state);
      return { dto, event: tx.emit('cod.changed', dto, crisisAudience()) };
    });
    return { ...dto, seq: event.seq };
  }

  positions(): Promise<{ data: CodPositionDto[]; seq: number }> {
    return this.tx.snapshot(async (m) =>
      (await m.find(CodPosition, { where: { signedOutAt: IsNull() }, order: { cellule: 'ASC', signedInAt: 'ASC' } })).map(
        toPositionDto,
      ),
    );
  }

  /** Signs the user in at a position, leaving the one they held (one position per person). */
  signIn(input: PositionSignInInput, user: AuthUser): Promise<CodPositionDto> {
    return this.tx.run(async (tx) => {
      await this.leave(tx, user);
      const position = await tx.manager.save(
        tx.manager.create(CodPosition, {
          userId: user.id,
          displayName: user.displayName,
          cellule: input.cellule,
          function: input.function ?? null,
          signedInAt: new Date(),
          signedOutAt: null,
        }),
      );
      await this.logPosition(tx, position, user, 'arrive');
      const dto = toPositionDto(position);
      tx.emit('position.changed', dto, crisisAudience());
      return dto;
    });
  }

  signOut(user: AuthUser): Promise<CodPositionDto> {
    return this.tx.run(async (tx) => {
      const left = await this.leave(tx, user);
      if (!left) throw new AppError('conflict', 'You are not signed in at a COD position');
      return left;
    });
  }

  private async leave(tx: Tx, user: AuthUser): Promise<CodPositionDto | null> {
    const held = await tx.manager.findOne(CodPosition, {
      where: { userId: user.id, signedOutAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!held) return null;
    held.signedOutAt = new Date();
    await tx.manager.save(held);
    await this.logPosition(tx, held, user, 'part');
    const dto = toPositionDto(held);
    tx.emit('position.changed', dto, crisisAudience());
    return dto;
  }

  /** Arrivals and departures go to the main courante of the crisis the COD is activated for. */
  private async logPosition(tx: Tx, position: CodPosition, user: AuthUser, what: 'arrive' | 'part'): Promise<void> {
    const state = await this.current(tx.manager);
    if (!state.crisisId) return;
    const role = position.function ? ` (${position.function})` : '';
    await this.logbook.appendIn(
      tx,
      state.crisisId,
      {
        text: `${user.displayName}${role} ${what === 'arrive' ? 'prend son poste' : 'quitte son poste'} — ${position.cellule}`,
        category: 'information',
        cellule: position.cellule,
        source: 'system',
      },
      { id: user.id, name: user.displayName },
    );
  }

  private async crisisFor(manager: EntityManager, state: CodState, input: CodTransitionInput): Promise<string> {
    if (state.crisisId && input.crisisId && input.crisisId !== state.crisisId) {
      throw new AppError('conflict', 'The COD is already engaged on another crisis: stand it down first', [
        { path: 'crisisId', message: `current crisis is ${state.crisisId}` },
      ]);
    }
    const crisisId = input.crisisId ?? state.crisisId;
    if (!crisisId) {
      throw new AppError('validation', 'Name the crisis the COD is engaged on', [
        { path: 'crisisId', message: 'required when the COD is not yet linked to a crisis' },
      ]);
    }
    const crisis = await this.crises.require(manager, crisisId);
    if (crisis.status !== 'open' && input.to !== 'veille') {
      throw new AppError('conflict', 'This crisis is closed', [{ path: 'crisisId', message: 'closed' }]);
    }
    return crisisId;
  }

  /** The COD row (created in veille by the migration); locked when about to change. */
  private async current(manager: EntityManager, lock = false): Promise<CodState> {
    const state = await manager.findOne(CodState, { where: { id: 1 }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!state) throw new Error('cod_state row missing: migrations not applied');
    return state;
  }
}

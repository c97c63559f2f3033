import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import type { PublicUser } from '../contracts/auth';
import type { Role } from '../contracts/roles';
import { Tx, TransactionRunner } from '../database/transaction';
import { Service } from '../directory/service.entity';
import { hashPassword } from '../auth/password';
import { Session } from '../auth/session.entity';
import { User } from './user.entity';
import type { CreateUserInput, UpdateUserInput } from './users.dto';

export function toPublicUser(user: User): PublicUser & { disabled: boolean } {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    serviceId: user.serviceId,
    disabled: user.disabledAt !== null,
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tx: TransactionRunner,
  ) {}

  list(): Promise<User[]> {
    return this.users.find({ order: { email: 'ASC' } });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  /** The user behind a token, or null when unknown or disabled. */
  findActive(id: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .where('u.id = :id AND u.disabled_at IS NULL', { id })
      .getOne();
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.notFound('User');
    return user;
  }

  create(input: CreateUserInput): Promise<User> {
    return this.tx.run((tx) => this.createIn(tx, input));
  }

  /** Creates a user inside the caller's transaction (demo seeding uses it). */
  async createIn(tx: Tx, input: CreateUserInput): Promise<User> {
    const email = input.email.trim().toLowerCase();
    const serviceId = input.serviceId ?? null;
    await checkService(tx.manager, input.roles, serviceId);
    if (await tx.manager.existsBy(User, { email })) {
      throw new AppError('conflict', 'A user with this email already exists', [
        { path: 'email', message: 'already used' },
      ]);
    }
    const user = tx.manager.create(User, {
      email,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: dedupe(input.roles),
      serviceId,
      disabledAt: null,
    });
    await tx.manager.save(user);
    emitUpdated(tx, user);
    return user;
  }

  update(id: string, input: UpdateUserInput): Promise<User> {
    return this.tx.run(async (tx) => {
      const user = await tx.manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppError.notFound('User');
      if (input.displayName !== undefined) user.displayName = input.displayName;
      if (input.roles !== undefined) user.roles = dedupe(input.roles);
      if (input.serviceId !== undefined) user.serviceId = input.serviceId;
      if (input.password !== undefined) user.passwordHash = await hashPassword(input.password);
      if (input.disabled !== undefined) {
        user.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
      }
      await checkService(tx.manager, user.roles, user.serviceId);
      await tx.manager.save(user);
      if (input.disabled || input.password !== undefined) {
        await tx.manager.update(Session, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      emitUpdated(tx, user);
      return user;
    });
  }
}

function dedupe(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

async function checkService(manager: EntityManager, roles: Role[], serviceId: string | null): Promise<void> {
  if (roles.includes('service_liaison') && !serviceId) {
    throw new AppError('validation', 'A liaison officer must be bound to a service', [
      { path: 'serviceId', message: 'required for the service_liaison role' },
    ]);
  }
  if (serviceId && !(await manager.existsBy(Service, { id: serviceId }))) {
    throw new AppError('validation', 'Unknown service', [{ path: 'serviceId', message: 'no such service' }]);
  }
}

function emitUpdated(tx: Tx, user: User): void {
  const { id, email, displayName, roles, disabled } = toPublicUser(user);
  tx.emit('user.updated', { id, email, displayName, roles, disabled }, ['role:admin', `user:${id}`]);
}

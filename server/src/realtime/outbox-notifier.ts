import { Injectable } from '@nestjs/common';

/**
 * In-process signal that this process committed outbox events, so a relay running here
 * publishes at once instead of waiting for PostgreSQL's NOTIFY or its next poll.
 */
@Injectable()
export class OutboxNotifier {
  private readonly listeners = new Set<() => void>();

  committed(): void {
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last heartbeat job processed by each worker process (shown by /api/health). */
@Entity()
export class WorkerHeartbeat {
  @PrimaryColumn({ type: 'text' })
  worker!: string;

  @Column({ type: 'timestamptz' })
  beatAt!: Date;
}

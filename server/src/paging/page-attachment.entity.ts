import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Page } from './page.entity';

/** Largest attachment a page may carry (what mail servers commonly accept once base64-encoded). */
export const PAGE_ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024;

/** A file sent with a page's e-mails (a point de situation's PDF…). Set by services, not by POST /api/pages. */
@Entity()
@Check(`"size" > 0 AND "size" <= ${PAGE_ATTACHMENT_MAX_BYTES}`)
export class PageAttachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => Page, { onDelete: 'CASCADE' })
  page?: Page;

  @Index()
  @Column({ type: 'uuid' })
  pageId!: string;

  @Column({ type: 'text' })
  filename!: string;

  @Column({ type: 'text' })
  contentType!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'int' })
  size!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

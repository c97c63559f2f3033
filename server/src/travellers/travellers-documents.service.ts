import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { SettlementsService } from './settlements.service';
import {
  documentFilename,
  documentProblems,
  renderSettlementDocument,
  type SettlementDocumentKind,
} from './travellers.documents';

/** Prints the procedure's documents once the procedure allows them. */
@Injectable()
export class TravellersDocumentsService {
  constructor(private readonly settlements: SettlementsService) {}

  async render(
    id: string,
    kind: SettlementDocumentKind,
  ): Promise<{ filename: string; content: Buffer }> {
    const s = await this.settlements.record(id);
    const now = new Date();
    const problems = documentProblems(kind, s, now);
    if (problems.length)
      throw new AppError(
        'invalid_transition',
        `The ${kind} document cannot be printed yet`,
        problems,
      );
    const content = await renderSettlementDocument(kind, {
      settlement: s,
      communeName: s.commune.name,
      force:
        s.commune.forceKind && s.commune.forceUnit
          ? {
              kind: s.commune.forceKind,
              unit: s.commune.forceUnit,
              zone: s.commune.forceZone ?? '',
            }
          : null,
      printedAt: now,
    });
    return { filename: documentFilename(kind, s.reference), content };
  }
}

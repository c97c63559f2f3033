import { Injectable } from '@nestjs/common';
import type { WeeklyBriefing } from '../contracts/travellers';
import { AiresService } from './aires.service';
import { briefingFilename, buildBriefing, renderBriefingPdf } from './briefing';
import { parisDay, type IsoDate } from './delays';
import { GrandPassagesService } from './grand-passages.service';
import { SettlementsService } from './settlements.service';

/** The weekly briefing for the préfet, as JSON and PDF. */
@Injectable()
export class BriefingService {
  constructor(
    private readonly aires: AiresService,
    private readonly passages: GrandPassagesService,
    private readonly settlements: SettlementsService,
  ) {}

  async briefing(day: IsoDate = parisDay(new Date())): Promise<WeeklyBriefing> {
    const year = Number(day.slice(0, 4));
    // the next two weeks may reach into January
    const passages = [...(await this.passages.list(year)), ...(await this.passages.list(year + 1))];
    return buildBriefing(day, passages, await this.settlements.list(), await this.aires.list());
  }

  async pdf(day?: IsoDate): Promise<{ filename: string; content: Buffer }> {
    const b = await this.briefing(day);
    return { filename: briefingFilename(b), content: await renderBriefingPdf(b, new Date()) };
  }
}

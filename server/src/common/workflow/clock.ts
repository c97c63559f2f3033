import { Injectable } from '@nestjs/common';

/**
 * The time schedulers read. Injected, so a test can move it (`jest.spyOn(clock, 'now')`) and
 * watch the D-3, due-date and overdue reminders fire without waiting days.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

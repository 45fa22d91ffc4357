import { describe, expect, it } from 'vitest';
import { SIMPLYPRINT_EVENTS } from '../../../../src/shared/events.js';
import { checkEventPatterns, checkPrinterPatterns, parsePatterns } from './eventPatterns.js';

const codes = (text: string) => checkEventPatterns(parsePatterns(text)).problems.map((p) => [p.pattern, p.code, p.severity]);

describe('the event filter editor', () => {
  it('reads patterns separated by commas or lines, ignoring blanks', () => {
    expect(parsePatterns(' job.*, !job.paused\n\nprinter.* ,')).toEqual(['job.*', '!job.paused', 'printer.*']);
  });

  it('lets "job.*, !job.paused" through as written: every job event but the pause', () => {
    const check = checkEventPatterns(['job.*', '!job.paused']);
    expect(check.valid).toBe(true);
    expect(check.problems).toEqual([]);
    const jobEvents = SIMPLYPRINT_EVENTS.filter((e) => e.startsWith('job.'));
    expect(check.matched).toEqual(jobEvents.filter((e) => e !== 'job.paused'));
    expect(check.matched).toContain('job.failed');
  });

  it('takes everything for "*" and for an exclusion alone', () => {
    expect(checkEventPatterns(['*']).matched).toHaveLength(SIMPLYPRINT_EVENTS.length);
    expect(checkEventPatterns(['!job.paused']).matched).toHaveLength(SIMPLYPRINT_EVENTS.length - 1);
  });

  it('refuses characters an event name cannot have and a lone "!"', () => {
    expect(codes('job.*, job failed')).toEqual([['job failed', 'bad_characters', 'error']]);
    expect(codes('!')).toEqual([['!', 'bare_bang', 'error']]);
    expect(codes('job!.x')).toEqual([['job!.x', 'bad_characters', 'error']]);
    expect(checkEventPatterns(['job failed']).valid).toBe(false);
    expect(checkEventPatterns(['job failed']).matched).toEqual([]);
  });

  it('warns, without blocking, about a typo and a repeat', () => {
    expect(codes('jbo.*, job.done, job.done')).toEqual([
      ['jbo.*', 'matches_nothing', 'warning'],
      ['job.done', 'duplicate', 'warning'],
    ]);
    expect(checkEventPatterns(['jbo.*']).valid).toBe(true);
  });

  it('lets printer patterns hold any name but not a lone "!"', () => {
    expect(checkPrinterPatterns(['Voron 2.4 «Мастер»', 'MK4*', '!Prusa XL']).valid).toBe(true);
    expect(checkPrinterPatterns(['! ']).valid).toBe(false);
  });
});

import type { PrinterState } from '../../../../src/shared/stats.js';
import type { Tone } from '../../components/Kpi.js';

export const STATE_TONE: Record<PrinterState, Tone> = {
  printing: 'info',
  paused: 'warn',
  finished: 'good',
  failed: 'bad',
  idle: 'neutral',
  out_of_order: 'bad',
  maintenance: 'warn',
};

/** Order of the cards: what needs a person first (failed, out of order, finished awaiting clear). */
export const STATE_PRIORITY: Record<PrinterState, number> = {
  failed: 0,
  out_of_order: 1,
  finished: 2,
  paused: 3,
  maintenance: 4,
  printing: 5,
  idle: 6,
};

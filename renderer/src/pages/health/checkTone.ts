import type { CheckStatus } from '../../../../src/shared/schemas.js';
import type { Tone } from '../../components/Kpi.js';

export const CHECK_TONE: Record<CheckStatus, Tone> = { ok: 'good', warning: 'warn', problem: 'bad', unknown: 'neutral' };

/** Problems first, then warnings, unknowns, and what is fine. */
export const CHECK_ORDER: Record<CheckStatus, number> = { problem: 0, warning: 1, unknown: 2, ok: 3 };

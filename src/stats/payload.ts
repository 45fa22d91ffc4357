// Reads the few fields the statistics need from a SimplyPrint body. Every field is optional.
type Json = Record<string, unknown>;

export const asObject = (value: unknown): Json | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;

/** A positive number of Unix seconds (SimplyPrint's unit) as ms; anything else is absent. */
export function secondsAsMs(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : null;
}

export interface JobTimes {
  startedAt: number | null;
  endedAt: number | null;
  estimateMs: number | null;
}

/** `data.job.started`, `.ended` (Unix seconds) and `.analysis.estimate` (seconds) of a print job. */
export function jobTimes(payload: Json): JobTimes {
  const job = asObject(asObject(payload.data)?.job);
  return {
    startedAt: secondsAsMs(job?.started),
    endedAt: secondsAsMs(job?.ended),
    estimateMs: secondsAsMs(asObject(job?.analysis)?.estimate),
  };
}

const truthy = (value: unknown): boolean | null => {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return null;
};

/**
 * printer.out_of_order_state_changed: SimplyPrint does not document its data. Looked for, in order:
 * `data.out_of_order`, `data.printer.out_of_order`, `data.state` / `data.new_state` ("out_of_order"
 * or a boolean). Null when none is readable: the state is then left as it was.
 */
export function outOfOrderValue(payload: Json): boolean | null {
  const data = asObject(payload.data) ?? {};
  for (const value of [data.out_of_order, asObject(data.printer)?.out_of_order, data.outOfOrder]) {
    const flag = truthy(value);
    if (flag !== null) return flag;
  }
  for (const value of [data.state, data.new_state]) {
    if (typeof value === 'string') return value === 'out_of_order';
    const flag = truthy(value);
    if (flag !== null) return flag;
  }
  return null;
}

/** `data.queue_item.id`, the key that makes a repeated queue event count once. */
export function queueItemId(payload: Json): string | null {
  const id = asObject(asObject(payload.data)?.queue_item)?.id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return typeof id === 'string' && id.length > 0 ? id : null;
}

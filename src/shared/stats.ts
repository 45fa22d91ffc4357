// DTOs of the statistics and printers pages. Figures come from job sessions (started → paused/resumed
// → done/failed/cancelled, reconstructed per job id and printer) clipped to the asked range, and
// every time is SimplyPrint's event time (when it happened on the farm), not when FarmHook received
// the delivery: a retried or replayed delivery still lands in the hour it belongs to.
// Ratios are fractions 0..1 (format with Intl.NumberFormat style 'percent'); durations are hours.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const STATS_BUCKETS = ['hour', 'day'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];

export const StatsRangeQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ description: 'Start, inclusive (ISO-8601 or Unix ms). Default: 24 h before `to`' })),
  to: Type.Optional(Type.String({ description: 'End, exclusive (ISO-8601 or Unix ms). Default: now' })),
  bucket: Type.Optional(
    Type.Union(
      STATS_BUCKETS.map((b) => Type.Literal(b)),
      { description: 'Chart bucket. Default: hour for ranges up to 48 h, day beyond' },
    ),
  ),
  tzOffset: Type.Optional(
    Type.Integer({
      minimum: -840,
      maximum: 840,
      description: 'Minutes east of UTC where day buckets start at midnight (JS: -new Date().getTimezoneOffset()). Default 0',
    }),
  ),
});
export type StatsRangeQuery = Static<typeof StatsRangeQuerySchema>;

/** The range a figure was computed over, resolved from the query. */
export const StatsRangeSchema = Type.Object({
  from: Type.String({ description: 'ISO-8601, inclusive' }),
  to: Type.String({ description: 'ISO-8601, exclusive' }),
  bucket: Type.Union(STATS_BUCKETS.map((b) => Type.Literal(b))),
  tzOffset: Type.Integer(),
});
export type StatsRange = Static<typeof StatsRangeSchema>;

export const DeliveryBucketSchema = Type.Object({
  start: Type.String({ description: 'ISO-8601 start of the bucket' }),
  counts: Type.Record(Type.String(), Type.Integer(), { description: 'Deliveries per category (every category present, 0 when none)' }),
  total: Type.Integer(),
});
export type DeliveryBucket = Static<typeof DeliveryBucketSchema>;

export const DeliveryStatsSchema = Type.Object(
  {
    range: StatsRangeSchema,
    buckets: Type.Array(DeliveryBucketSchema, { description: 'Oldest first; the range is widened to whole buckets' }),
    byCategory: Type.Record(Type.String(), Type.Integer()),
    total: Type.Integer(),
  },
  { $id: 'DeliveryStats' },
);
export type DeliveryStats = Static<typeof DeliveryStatsSchema>;

/** Job figures shared by one printer and the whole farm. */
const jobFigures = {
  jobsStarted: Type.Integer({ description: 'Sessions that started in the range' }),
  jobsFinished: Type.Integer({ description: 'Sessions that ended in the range with job.done' }),
  jobsFailed: Type.Integer({ description: 'Sessions that ended in the range with job.failed' }),
  jobsCancelled: Type.Integer({ description: 'Sessions that ended in the range with job.cancelled' }),
  jobsLost: Type.Integer({
    description: 'Sessions whose ending never arrived (the printer started another job): closed at that start, no outcome',
  }),
  successRate: Nullable(Type.Number({ description: 'finished / (finished + failed + cancelled); null when none ended' })),
  successRateByHours: Nullable(
    Type.Number({ description: 'Print hours of finished jobs / print hours of jobs that ended (finished, failed, cancelled)' }),
  ),
  printHours: Type.Number({ description: 'Printing time (pauses excluded) clipped to the range' }),
  utilisation: Type.Number({ description: 'printHours / range length (range clipped at now); 0..1' }),
  mtbfHours: Nullable(Type.Number({ description: 'Mean print hours between failures: printHours / jobsFailed; null without failures' })),
  avgJobHours: Nullable(Type.Number({ description: 'Mean printing time of jobs finished in the range' })),
};

export const PrinterStatsSchema = Type.Object(
  {
    printerId: Type.String(),
    printerName: Nullable(Type.String()),
    ...jobFigures,
  },
  { $id: 'PrinterStats' },
);
export type PrinterStats = Static<typeof PrinterStatsSchema>;

export const PrinterStatsListSchema = Type.Object(
  {
    range: StatsRangeSchema,
    printers: Type.Array(PrinterStatsSchema, { description: 'Every printer seen before the end of the range, by name' }),
  },
  { $id: 'PrinterStatsList' },
);
export type PrinterStatsList = Static<typeof PrinterStatsListSchema>;

export const QueueStatsSchema = Type.Object({
  added: Type.Integer({ description: 'queue.add_item' }),
  pendingApproval: Type.Integer({ description: 'queue.item_pending_approval' }),
  approved: Type.Integer({ description: 'queue.item_approved' }),
  denied: Type.Integer({ description: 'queue.item_denied' }),
  removed: Type.Integer({ description: 'queue.delete_item' }),
});
export type QueueStats = Static<typeof QueueStatsSchema>;

export const FarmStatsSchema = Type.Object(
  {
    range: StatsRangeSchema,
    totals: Type.Object({
      printers: Type.Integer({ description: 'Printers seen before the end of the range' }),
      printingNow: Type.Integer({ description: 'Printers whose current state is printing or paused' }),
      deliveries: Type.Integer({ description: 'Deliveries in the range (whole hours)' }),
      ...jobFigures,
      utilisation: Type.Number({ description: 'printHours / (range length × printers); 0..1' }),
    }),
    topFailing: Type.Array(PrinterStatsSchema, { description: 'Up to 5 printers with failures, most failures first' }),
    queue: QueueStatsSchema,
  },
  { $id: 'FarmStats' },
);
export type FarmStats = Static<typeof FarmStatsSchema>;

export const PRINTER_STATES = [
  'printing',
  'paused',
  'finished', // done, awaiting bed clear
  'failed',
  'idle',
  'out_of_order',
  'maintenance',
] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

export const PrinterStateItemSchema = Type.Object({
  printerId: Type.String(),
  printerName: Nullable(Type.String()),
  state: Type.Union(PRINTER_STATES.map((s) => Type.Literal(s)), {
    description: 'out_of_order and maintenance win over the job state; finished = done, bed not cleared yet',
  }),
  since: Nullable(Type.String({ description: 'ISO-8601: when the printer entered this state' })),
  jobState: Type.Union(
    (['printing', 'paused', 'finished', 'failed', 'idle'] as const).map((s) => Type.Literal(s)),
    { description: 'The state from job events alone (what it returns to after maintenance)' },
  ),
  currentJobId: Nullable(Type.String()),
  currentFile: Nullable(Type.String({ description: 'File of the current or last job' })),
  jobStartedAt: Nullable(Type.String()),
  stale: Type.Boolean({
    description: 'Printing for much longer than the job should take: its job.done was probably never delivered',
  }),
  lastEvent: Nullable(Type.String()),
  lastEventAt: Nullable(Type.String()),
});
export type PrinterStateItem = Static<typeof PrinterStateItemSchema>;

export const PrinterStateListSchema = Type.Object(
  { items: Type.Array(PrinterStateItemSchema, { description: 'Every printer seen in events, by name' }) },
  { $id: 'PrinterStateList' },
);
export type PrinterStateList = Static<typeof PrinterStateListSchema>;

// The statistics room's read side, prepared once per database: what the control routes (and the
// Electron IPC dispatcher) call. `now` is a parameter so figures are reproducible in tests.
import type { Db } from '../store/database.js';
import { prepareDeliveryStatsQuery } from './delivery-stats.js';
import { prepareFarmStatsQuery } from './farm-stats.js';
import { preparePrinterStatesQuery } from './printer-states.js';
import { preparePrinterStatsQuery } from './printer-stats.js';

export function createStatsQueries(db: Db) {
  return {
    deliveries: prepareDeliveryStatsQuery(db).deliveryStats,
    printers: preparePrinterStatsQuery(db),
    farm: prepareFarmStatsQuery(db),
    printerStates: preparePrinterStatesQuery(db),
  };
}

export type StatsQueries = ReturnType<typeof createStatsQueries>;

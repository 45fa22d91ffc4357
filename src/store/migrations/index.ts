// Every migration, in the order they run. Rooms append their own; ids are never renamed or reused.
import type { Migration } from '../migrate.js';
import { coreEvents } from './core-0001-events.js';
import { statsRollups } from './stats-0001-rollups.js';
import { forwardOutbox } from './forward-0001-outbox.js';
import { alertsTables } from './alerts-0001-alerts.js';
import { healthRunsSetup } from './health-0001-runs-setup.js';
import { statsSessionRangeIndex } from './stats-0002-session-range-index.js';
import { coreSearchFile } from './core-0002-search-file.js';
import { coreDedupIndex } from './core-0003-dedup-index.js';

export const MIGRATIONS: readonly Migration[] = [coreEvents, statsRollups, forwardOutbox, alertsTables, healthRunsSetup, statsSessionRangeIndex, coreSearchFile, coreDedupIndex];

// The destination filter (event and printer wildcards) lives in src/shared/forward-filter.ts, so the
// dashboard's filter editor previews exactly what the outbox selects; the forward room imports it here.
export { compileDestinationFilter, compileFilter, type CompiledFilter, type DestinationFilter, type FilterSubject } from '../shared/forward-filter.js';

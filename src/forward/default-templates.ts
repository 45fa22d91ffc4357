// The default chat messages live in src/shared/forward-templates.ts, so the dashboard's template
// editor can show them; the forward room keeps importing them from here.
export { DEFAULT_TEMPLATES } from '../shared/forward-templates.js';

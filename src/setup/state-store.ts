// The setup room's small persisted documents (reachability choice, SimplyPrint company and webhook
// id, the wizard's progress), one JSON value per key in `setup_state`. Never secrets: the API key
// and the webhook secret live in the secret store.
import { DEFAULT_BASE_URL } from '../simplyprint/index.js';
import type { ReachabilityMode, WizardState } from '../shared/setup.js';
import type { Db } from '../store/database.js';

export interface StoredReachability {
  mode: ReachabilityMode | null;
  publicBaseUrl: string | null;
  cloudflaredPath: string;
  ngrokApiUrl: string;
  tunnelAutoStart: boolean;
}

export interface StoredSimplyPrint {
  companyId: number | null;
  apiBaseUrl: string;
  webhookId: number | null;
  events: string[];
}

export const DEFAULT_NGROK_API = 'http://127.0.0.1:4040';

const DEFAULTS = {
  reachability: { mode: null, publicBaseUrl: null, cloudflaredPath: 'cloudflared', ngrokApiUrl: DEFAULT_NGROK_API, tunnelAutoStart: false } as StoredReachability,
  simplyprint: { companyId: null, apiBaseUrl: DEFAULT_BASE_URL, webhookId: null, events: [] } as StoredSimplyPrint,
  wizard: { step: 'receiver', completed: false, choices: {}, updatedAt: null } as WizardState,
};

type Documents = typeof DEFAULTS;

export class SetupStateStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get<K extends keyof Documents>(key: K): Documents[K] {
    const row = this.db.prepare('SELECT value FROM setup_state WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) return structuredClone(DEFAULTS[key]);
    try {
      // Stored documents may predate a field: defaults fill the gaps.
      return { ...structuredClone(DEFAULTS[key]), ...(JSON.parse(row.value) as Partial<Documents[K]>) };
    } catch {
      return structuredClone(DEFAULTS[key]);
    }
  }

  update<K extends keyof Documents>(key: K, change: Partial<Documents[K]>): Documents[K] {
    const next = { ...this.get(key), ...change };
    this.db
      .prepare('INSERT INTO setup_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(next), this.now());
    return next;
  }
}

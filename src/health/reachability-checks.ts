// The health checks of issue 6, beside the lead's basic checks (basic-checks.ts): can devices on the
// LAN reach the receiver, can the internet reach the public URL, is the tunnel up, is SimplyPrint's
// webhook pointed here with the right secret and events, is the clock right, and when was FarmHook
// not running. Each answers status, one-line finding and what to do.
import { englishOf, healthMessage, type HealthMessage } from '../shared/health-messages.js';
import type { CheckStatus, HealthCheck } from '../shared/schemas.js';
import type { ProbeResult, UrlWarning } from '../shared/setup.js';
import { webhookUrlWarnings } from '../shared/webhook-url.js';
import { clockSkewMs } from '../simplyprint/index.js';
import type { SetupRoom } from '../setup/room.js';
import type { Db } from '../store/database.js';
import { buildCheck, listMessage, listOrNull, nested, textMessage } from './check.js';

/** Beyond this the clock is called wrong: the API's Date header is only good to ±1 s plus half a round trip. */
const SKEW_WARN_MS = 30_000;
const PUBLIC_PROBE_TTL_MS = 60_000;
const RECENT_GAP_MS = 24 * 3_600_000;

const check = (id: string, title: string, status: CheckStatus, finding: HealthMessage, action: HealthMessage | null = null): HealthCheck =>
  buildCheck(id, title, status, finding, action);

export function durationMessage(ms: number): HealthMessage {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return healthMessage('time.duration.seconds', { seconds: Math.max(1, Math.round(ms / 1000)) });
  if (minutes < 120) return healthMessage('time.duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? healthMessage('time.duration.hours', { hours, minutes: minutes % 60 }) : healthMessage('time.duration.days', { days: Math.round(hours / 24) });
}

export const duration = (ms: number): string => englishOf(durationMessage(ms));

// The plain-text fields these came with are their English renderings; text without a message
// (from an older producer) is passed on as it is.
const probeMessage = (probe: ProbeResult): HealthMessage => probe.messageRef ?? textMessage(probe.message);
const warningMessage = (warning: UrlWarning): HealthMessage => warning.messageRef ?? textMessage(warning.message);
/** A value the old template literal printed as is, `null` included. */
const shown = (value: string | number | null): string | number => value ?? String(value);

export function createReachabilityChecks(room: SetupRoom, db: Db, publicProbeTtlMs = PUBLIC_PROBE_TTL_MS) {
  async function lan(): Promise<HealthCheck> {
    const title = 'Reachable on the local network';
    const mode = room.settings().reachability.mode;
    const report = await room.probeLan();
    if (!report.lanEnabled) {
      const needsLan = mode === 'lan_only' || mode === 'port_forward';
      return needsLan
        ? check('receiver.lan', title, 'problem', healthMessage('receiver.lan.loopback_problem'), healthMessage('receiver.lan.loopback_action'))
        : check('receiver.lan', title, 'ok', healthMessage('receiver.lan.loopback_ok'));
    }
    if (report.results.length === 0) return check('receiver.lan', title, 'warning', healthMessage('receiver.lan.no_address'), healthMessage('receiver.lan.no_address_action'));
    const failed = report.results.filter((r) => !r.ok);
    const urls = report.results.map((r) => r.target).join(', ');
    if (failed.length === 0) return check('receiver.lan', title, 'ok', healthMessage('receiver.lan.ok', { urls }));
    return check(
      'receiver.lan',
      title,
      failed.length === report.results.length ? 'problem' : 'warning',
      listMessage(failed.map((r) => healthMessage('receiver.lan.address_failed', { address: r.address, probe: nested(probeMessage(r)) }))),
      healthMessage('receiver.lan.failed_action'),
    );
  }

  async function publicUrl(): Promise<HealthCheck> {
    const title = 'Reachable from the internet';
    const mode = room.settings().reachability.mode;
    if (mode === 'lan_only') return check('reachability.public', title, 'ok', healthMessage('reachability.public.lan_only'));
    const url = room.publicWebhookUrl();
    if (!url) return check('reachability.public', title, mode === null ? 'unknown' : 'problem', room.noUrlReasonMessage(), healthMessage('reachability.public.no_url_action'));
    const warnings = webhookUrlWarnings(url);
    let probe = room.lastPublicProbe();
    if (!probe || probe.target !== url || Date.now() - Date.parse(probe.checkedAt) > publicProbeTtlMs) probe = await room.probePublic();
    if (probe.ok) {
      const ms = shown(probe.roundTripMs);
      return warnings.length > 0
        ? check('reachability.public', title, 'warning', healthMessage('reachability.public.ok_warnings', { url, ms, warnings: warnings.map(warningMessage) }))
        : check('reachability.public', title, 'ok', healthMessage('reachability.public.ok', { url, ms }));
    }
    return check('reachability.public', title, 'problem', healthMessage('reachability.public.failed', { url, probe: nested(probeMessage(probe)) }), listOrNull(warnings.map(warningMessage)));
  }

  function tunnel(): HealthCheck | null {
    const mode = room.settings().reachability.mode;
    if (mode !== 'cloudflare_quick' && mode !== 'ngrok') return null;
    const t = room.tunnelStatus();
    const name = mode === 'ngrok' ? 'ngrok' : 'Cloudflare tunnel';
    const hints = listOrNull(t.hints.map((h) => h.messageRef ?? textMessage(h.message)));
    const lastError = t.lastError === null ? null : (t.lastErrorRef ?? textMessage(t.lastError));
    switch (t.state) {
      case 'verified':
        return check('reachability.tunnel', name, 'ok', healthMessage('reachability.tunnel.verified', { url: shown(t.publicUrl) }), hints);
      case 'connected':
        return check('reachability.tunnel', name, t.verification && !t.verification.ok ? 'warning' : 'ok', healthMessage('reachability.tunnel.connected', { url: shown(t.publicUrl) }), hints);
      case 'starting':
      case 'url_assigned':
        return check('reachability.tunnel', name, 'warning', t.publicUrl ? healthMessage('reachability.tunnel.starting_url', { url: t.publicUrl }) : healthMessage('reachability.tunnel.starting'), hints);
      case 'degraded': {
        const error = t.lastError && lastError ? nested(lastError) : null;
        const finding =
          t.publicUrl === null
            ? error
              ? healthMessage('reachability.tunnel.degraded_no_url_error', { error })
              : healthMessage('reachability.tunnel.degraded_no_url')
            : error
              ? healthMessage('reachability.tunnel.degraded_error', { url: t.publicUrl, error })
              : healthMessage('reachability.tunnel.degraded', { url: t.publicUrl });
        return check('reachability.tunnel', name, 'warning', finding, hints);
      }
      case 'failed':
        return check('reachability.tunnel', name, 'problem', lastError ?? healthMessage('reachability.tunnel.failed'), hints);
      case 'stopped':
        return check('reachability.tunnel', name, 'problem', healthMessage('reachability.tunnel.stopped'), healthMessage('reachability.tunnel.stopped_action'));
    }
  }

  async function simplyprint(): Promise<HealthCheck> {
    const title = 'SimplyPrint webhook';
    const result = await room.webhookCheck();
    if (!result.apiConfigured) {
      return check('simplyprint.webhook', title, 'unknown', healthMessage('simplyprint.webhook.no_api_key'), healthMessage('simplyprint.webhook.no_api_key_action'));
    }
    if (result.status === 'ok') {
      return check('simplyprint.webhook', title, 'ok', healthMessage('simplyprint.webhook.ok', { id: shown(result.webhookId), url: shown(result.currentUrl) }));
    }
    const refs = result.problemRefs;
    const problems = refs && refs.length === result.problems.length ? refs : result.problems.map(textMessage);
    return check('simplyprint.webhook', title, result.status, listMessage(problems), result.fixAvailable ? healthMessage('simplyprint.webhook.fix_action') : null);
  }

  function clock(): HealthCheck {
    const title = 'Clock';
    const serverTime = room.lastServerTime();
    if (serverTime) {
      const skew = clockSkewMs(serverTime);
      const seconds = Math.abs(Math.round(skew / 1000));
      const text = skew >= 0 ? healthMessage('clock.skew.ahead', { seconds }) : healthMessage('clock.skew.behind', { seconds });
      return Math.abs(skew) > SKEW_WARN_MS ? check('clock.skew', title, 'warning', text, healthMessage('clock.skew.sync_action')) : check('clock.skew', title, 'ok', text);
    }
    // Without an API answer: SimplyPrint stamps each delivery. The smallest lag of recent deliveries
    // is the skew plus the fastest delivery time; a negative one means this PC's clock is behind.
    const row = db
      .prepare('SELECT MIN(received_at - event_ts * 1000) AS lag, COUNT(*) AS n FROM (SELECT received_at, event_ts FROM events WHERE event_ts IS NOT NULL ORDER BY id DESC LIMIT 50)')
      .get() as { lag: number | null; n: number };
    if (row.lag === null || row.n < 3) return check('clock.skew', title, 'unknown', healthMessage('clock.skew.not_enough'));
    if (row.lag < -SKEW_WARN_MS) {
      return check('clock.skew', title, 'warning', healthMessage('clock.skew.future', { seconds: Math.round(-row.lag / 1000) }), healthMessage('clock.skew.sync_action_short'));
    }
    return check('clock.skew', title, 'ok', healthMessage('clock.skew.lag_ok', { seconds: Math.max(0, Math.round(row.lag / 1000)) }));
  }

  function gaps(): HealthCheck {
    const title = 'Downtime';
    const report = room.downtime();
    const recent = report.gaps.filter((g) => Date.now() - Date.parse(g.to) < 7 * RECENT_GAP_MS);
    if (recent.length === 0) return check('deliveries.gaps', title, 'ok', healthMessage('deliveries.gaps.none'));
    const latest = recent[0]!;
    const longest = recent.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    const params = {
      count: recent.length,
      latest: nested(durationMessage(latest.durationMs)),
      from: latest.from,
      to: latest.to,
      longest: nested(durationMessage(longest.durationMs)),
    };
    const finding = latest.unclean ? healthMessage('deliveries.gaps.found_unclean', params) : healthMessage('deliveries.gaps.found', params);
    const fresh = Date.now() - Date.parse(latest.to) < RECENT_GAP_MS;
    return check('deliveries.gaps', title, fresh ? 'warning' : 'ok', finding, healthMessage('deliveries.gaps.action'));
  }

  return async function runReachabilityChecks(): Promise<HealthCheck[]> {
    const settled = await Promise.all([lan(), publicUrl(), simplyprint()].map((p) => p.catch((error: unknown) => check('setup.error', 'Setup checks', 'unknown', healthMessage('setup.error', { error: (error as Error).message })))));
    return [settled[0]!, settled[1]!, ...[tunnel()].filter((c): c is HealthCheck => c !== null), settled[2]!, clock(), gaps()];
  };
}

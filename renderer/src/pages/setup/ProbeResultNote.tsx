// The public-URL probe's answer in plain words: the time it took, or what the failure means.
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../../src/shared/setup.js';

function failureKey(failure: ProbeResult['failure'], tunnel: boolean): string {
  if (!failure) return 'other';
  return tunnel && (failure === 'dns' || failure === 'refused') ? `${failure}_tunnel` : failure;
}

/** `tunnel`: the address is a tunnel's, whose failures mean other things than a router's. */
export function ProbeResultNote({ result, tunnel }: { result: ProbeResult; tunnel: boolean }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <p className="probe-result probe-ok" role="status" data-testid="probe-result" data-ok="true">
        {t('setup.reachability.probeOk', { ms: result.roundTripMs ?? 0 })}
      </p>
    );
  }
  let host = result.target;
  try {
    host = new URL(result.target).hostname;
  } catch {
    // keep the target as given
  }
  return (
    <div className="probe-result probe-failed" role="alert" data-testid="probe-result" data-ok="false" data-failure={result.failure ?? ''}>
      <p>
        <strong>{t('setup.reachability.probeFailed')}</strong> {t(`setup.reachability.failure.${failureKey(result.failure, tunnel)}`, { host, status: result.httpStatus ?? '' })}
      </p>
      {result.message ? (
        <p className="small muted">
          {t('setup.reachability.details')} {result.message}
        </p>
      ) : null}
    </div>
  );
}

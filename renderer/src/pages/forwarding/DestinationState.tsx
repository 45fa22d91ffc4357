import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../../src/shared/forward.js';
import { StatusBadge } from '../../components/StatusBadge.js';

/** Enabled and sending, paused after failures (jobs wait), or off (by hand or after a 410 Gone). */
export function DestinationState({ destination }: { destination: Destination }) {
  const { t } = useTranslation();
  const state = !destination.enabled ? 'disabled' : destination.paused ? 'paused' : 'active';
  const tone = state === 'active' ? 'good' : state === 'paused' ? 'warn' : 'neutral';
  return (
    <span data-testid="destination-state" data-state={state} title={destination.stateReason ?? undefined}>
      <StatusBadge tone={tone}>{t(`forwarding.state.${state}`)}</StatusBadge>
    </span>
  );
}

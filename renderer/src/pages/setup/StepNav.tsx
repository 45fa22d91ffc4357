// The foot of every step: Back on the left, Continue (or what stands in for it) on the right.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function StepNav({ onBack, children }: { onBack?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="step-nav">
      {onBack ? (
        <button type="button" className="btn" onClick={onBack} data-testid="wizard-back">
          {t('setup.back')}
        </button>
      ) : (
        <span />
      )}
      <div className="step-nav-forward">{children}</div>
    </div>
  );
}

export function ContinueButton({ disabled, busy, onClick, label }: { disabled?: boolean; busy?: boolean; onClick: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn btn-primary" onClick={onClick} disabled={disabled || busy} data-testid="wizard-next">
      {busy ? t('setup.saving') : (label ?? t('setup.next'))}
    </button>
  );
}

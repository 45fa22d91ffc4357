// A value the technician copies into another program (the webhook URL), shown whole, with a copy button.
import { CopyButton } from '../../components/CopyButton.js';

export function CopyField({ label, value, copyLabel, testId }: { label: string; value: string; copyLabel: string; testId?: string }) {
  return (
    <div className="copy-field">
      <span className="field-label">{label}</span>
      <div className="copy-row">
        <code className="mono copy-value" data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} label={copyLabel} />
      </div>
    </div>
  );
}

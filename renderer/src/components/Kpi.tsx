import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

/** One headline figure. `testId` lets end-to-end tests read the number without parsing layout. */
export function Kpi({ label, value, hint, tone = 'neutral', testId }: { label: string; value: ReactNode; hint?: ReactNode; tone?: Tone; testId?: string }) {
  return (
    <div className={`kpi tone-${tone}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={testId}>
        {value}
      </div>
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}

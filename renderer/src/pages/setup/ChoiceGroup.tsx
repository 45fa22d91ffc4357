// A set of radio buttons drawn as cards, each with a sentence on when to pick it. Native radios, so
// arrow keys move between them and screen readers announce the group and the explanation.
import { useId, type ReactNode } from 'react';

export interface Choice<T extends string> {
  id: T;
  label: string;
  hint: ReactNode;
}

export function ChoiceGroup<T extends string>({ legend, choices, value, onChange, name, testId }: { legend: string; choices: ReadonlyArray<Choice<T>>; value: T | null | undefined; onChange: (id: T) => void; name: string; testId?: string }) {
  const base = useId();
  return (
    <fieldset className="choices" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.id} className="choice" data-choice={choice.id}>
          <input type="radio" name={`${base}-${name}`} value={choice.id} checked={value === choice.id} onChange={() => onChange(choice.id)} aria-labelledby={`${base}-${choice.id}-label`} aria-describedby={`${base}-${choice.id}-hint`} />
          <span className="choice-text">
            <span className="choice-label" id={`${base}-${choice.id}-label`}>
              {choice.label}
            </span>
            <span className="choice-hint" id={`${base}-${choice.id}-hint`}>
              {choice.hint}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

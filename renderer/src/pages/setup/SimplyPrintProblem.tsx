// A SimplyPrint failure: the sentence for its code, then SimplyPrint's (or FarmHook's) own words.
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote.js';
import { simplyprintCodeOf, simplyprintErrorKey } from './simplyprintError.js';

export function SimplyPrintProblem({ code, message, companyId }: { code: string; message: string; companyId: number | null }) {
  const { t } = useTranslation();
  return (
    <div className="error-note" role="alert" data-testid="simplyprint-error" data-code={code}>
      <strong>{t(simplyprintErrorKey(code), { companyId: companyId ?? '' })}</strong>
      {message ? <span>{message}</span> : null}
    </div>
  );
}

export function ActionError({ error, companyId }: { error: Error; companyId: number | null }) {
  const code = simplyprintCodeOf(error);
  return code ? <SimplyPrintProblem code={code} message={error.message} companyId={companyId} /> : <ErrorNote error={error} />;
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../src/shared/api.js';
import type { EventQuery } from '../../../../src/shared/schemas.js';
import { useApi } from '../../api/ApiContext.js';
import { Icon } from '../../components/Icon.js';
import { saveBlob } from '../../components/saveBlob.js';

/** Exports what the filter shows (all of it, not only the loaded rows). */
export function ExportButtons({ query, onError }: { query: EventQuery; onError: (error: Error) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = (format: ExportFormat) => {
    setBusy(format);
    api.exportEvents(query, format).then(
      (file) => {
        saveBlob(file.blob, file.fileName);
        setBusy(null);
      },
      (error: unknown) => {
        setBusy(null);
        onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
  return (
    <div className="btn-group" role="group" aria-label={t('events.export')}>
      {(['csv', 'ndjson'] as const).map((format) => (
        <button key={format} type="button" className="btn" onClick={() => run(format)} disabled={busy !== null} data-testid={`export-${format}`}>
          <Icon name="download" size={15} />
          {busy === format ? t('events.exporting') : t(`events.export_${format}`)}
        </button>
      ))}
    </div>
  );
}

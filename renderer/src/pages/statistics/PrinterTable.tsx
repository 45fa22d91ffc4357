// Per-printer figures with sortable columns (buttons in the headers, aria-sort for screen readers).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterStats } from '../../../../src/shared/stats.js';
import { useFormat } from '../../format/useFormat.js';
import { sortPrinters, type PrinterColumn, type PrinterSort } from './sortPrinters.js';

const COLUMNS: PrinterColumn[] = ['name', 'jobsFinished', 'jobsFailed', 'jobsCancelled', 'successRate', 'successRateByHours', 'printHours', 'utilisation', 'mtbfHours', 'avgJobHours'];

export function PrinterTable({ printers }: { printers: readonly PrinterStats[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [sort, setSort] = useState<PrinterSort>({ column: 'name', descending: false });
  const rows = useMemo(() => sortPrinters(printers, sort, f.locale), [printers, sort, f.locale]);
  const cell = (p: PrinterStats, column: PrinterColumn) => {
    switch (column) {
      case 'name':
        return p.printerName ?? p.printerId;
      case 'successRate':
      case 'successRateByHours':
        return f.percent(p[column]);
      case 'utilisation':
        return (
          <span className="util">
            <span className="util-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, p.utilisation * 100)}%` }} />
            </span>
            {f.percent(p.utilisation)}
          </span>
        );
      case 'printHours':
      case 'mtbfHours':
      case 'avgJobHours':
        return f.hours(p[column]);
      default:
        return f.number(p[column]);
    }
  };
  return (
    <div className="table-wrap">
      <table className="table" data-testid="printer-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={column === 'name' ? '' : 'num'}>
                <button type="button" className="sort" onClick={() => setSort({ column, descending: sort.column === column ? !sort.descending : column !== 'name' })}>
                  {t(`stats.col.${column}`)}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.column === column ? (sort.descending ? '▾' : '▴') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.printerId} data-printer-id={p.printerId}>
              {COLUMNS.map((column) =>
                column === 'name' ? (
                  <th key={column} scope="row">
                    {cell(p, column)}
                  </th>
                ) : (
                  <td key={column} className="num" data-col={column}>
                    {cell(p, column)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/I18nProvider';
import type { PagedRows } from '../../lib/usePagedQuery';
import { Button } from './Button';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  /** Hidden on narrow screens. */
  secondary?: boolean;
}

interface TableProps<T> {
  label: string;
  columns: Column<T>[];
  rowKey(row: T): string;
  empty: string;
}

/** Rows given as they are, or a cursor-paged list (`usePagedQuery`) with its "Load more". */
type DataTableProps<T> = TableProps<T> &
  (
    | { rows: T[] | undefined; loading?: boolean; paged?: never }
    | { paged: PagedRows<T>; rows?: never; loading?: never }
  );

/** A captioned table in a scrollable, focusable region (usable on a phone), paged by "Load more". */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useI18n();
  const { columns, paged } = props;
  const rows = paged ? paged.rows : props.rows;
  const loading = paged ? paged.loading : props.loading;
  return (
    <div className="table-wrap">
      <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{props.label}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.secondary ? 'secondary' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.map((row) => (
              <tr key={props.rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header} className={c.secondary ? 'secondary' : undefined}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loading && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {!loading && rows?.length === 0 && <p className="empty">{props.empty}</p>}
      {paged?.hasMore && (
        <Button onClick={paged.loadMore} disabled={paged.loadingMore}>
          {paged.loadingMore ? t('common.loading') : t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}

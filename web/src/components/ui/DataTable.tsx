import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/I18nProvider';
import { Button } from './Button';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  /** Hidden on narrow screens. */
  secondary?: boolean;
}

interface DataTableProps<T> {
  label: string;
  rows: T[] | undefined;
  columns: Column<T>[];
  rowKey(row: T): string;
  loading?: boolean;
  empty: string;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?(): void;
}

/** A captioned table in a scrollable, focusable region (usable on a phone), paged by "Load more". */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useI18n();
  const { rows, columns, loading } = props;
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
      {props.hasMore && (
        <Button onClick={props.onLoadMore} disabled={props.loadingMore}>
          {props.loadingMore ? t('common.loading') : t('common.loadMore')}
        </Button>
      )}
    </div>
  );
}

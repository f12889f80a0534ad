import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api/client';
import { useI18n } from '../../lib/i18n/I18nProvider';

/** An error, announced to screen readers; API problems show their detail and failing fields. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('common.unexpectedError');
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <div role="alert" className="alert alert-error">
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert-info">
      {children}
    </div>
  );
}

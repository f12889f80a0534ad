import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/I18nProvider';
import { ErrorAlert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does, in a sentence. */
  description: string;
  /** The confirming button's label: the action itself ("Remove"), not "OK". */
  confirm: string;
  /** The other button's label when "Cancel" would be ambiguous ("Keep booking"). */
  dismiss?: string;
  busy?: boolean;
  /** Why the action was refused, shown above the buttons. */
  error?: unknown;
  /** Fields the action takes (a reason), checked by the browser before `onConfirm`. */
  children?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a destructive action; Escape and Cancel leave everything as it was. */
export function ConfirmDialog({
  title,
  description,
  confirm,
  dismiss,
  busy,
  error,
  children,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog title={title} description={description} open onOpenChange={(open) => !open && onCancel()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        {children}
        <ErrorAlert error={error} />
        <div className="actions">
          <Button onClick={onCancel}>{dismiss ?? t('common.cancel')}</Button>
          <Button type="submit" variant="danger" disabled={busy}>
            {confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { useI18n } from '../../lib/i18n/I18nProvider';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does, in a sentence. */
  description: string;
  /** The confirming button's label: the action itself ("Remove"), not "OK". */
  confirm: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before a destructive action; Escape and Cancel leave everything as it was. */
export function ConfirmDialog({
  title,
  description,
  confirm,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog title={title} description={description} open onOpenChange={(open) => !open && onCancel()}>
      <div className="actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button variant="danger" disabled={busy} onClick={onConfirm}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}

import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n/I18nProvider';

interface DialogProps {
  title: string;
  description?: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
}

/** A modal dialog (Radix: focus trap, Escape, labelled by its title), full screen on a phone. */
export function Dialog({ title, description, open, onOpenChange, children }: DialogProps) {
  const { t } = useI18n();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="dialog">
          <div className="dialog-header">
            <RadixDialog.Title>{title}</RadixDialog.Title>
            <RadixDialog.Close className="btn btn-ghost" aria-label={t('common.close')}>
              ✕
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="muted">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

import type { InputHTMLAttributes } from 'react';
import { TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';

/**
 * A write-only secret: never filled from the server, which only says whether one is `stored`.
 * Left empty it is kept; typed in, it replaces the stored one.
 */
export function SecretField({
  label,
  stored,
  ...input
}: { label: string; stored: boolean } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const { t } = useI18n();
  return (
    <TextField
      label={label}
      hint={stored ? t('settings.secretStored') : undefined}
      type="password"
      autoComplete="new-password"
      {...input}
    />
  );
}

import { useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Badge, type Tone } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { DataTable } from '../../../components/ui/DataTable';
import { SelectField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import {
  TEMPLATE_STATUSES,
  useDeleteTemplate,
  useSyncTemplates,
  useTemplates,
  type Template,
} from '../api/templates';
import { TemplateDialog } from './TemplateDialog';

const TONES: Record<Template['status'], Tone> = {
  APPROVED: 'good',
  PENDING: 'warn',
  REJECTED: 'bad',
  PAUSED: 'warn',
  DISABLED: 'bad',
};

/**
 * Message templates with their approval status (and why one was rejected): create, change and
 * resubmit, sync with the provider, delete.
 */
export default function TemplatesPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<Template>();
  const [deleting, setDeleting] = useState<Template>();
  const templates = useTemplates(status);
  const sync = useSyncTemplates();
  const remove = useDeleteTemplate();
  return (
    <>
      <PageHeader
        title={t('nav.templates')}
        actions={
          <>
            <Button onClick={() => sync.mutate()} disabled={sync.isPending}>
              {t('templates.sync')}
            </Button>
            <Button variant="primary" onClick={() => setCreating(true)}>
              {t('templates.new')}
            </Button>
          </>
        }
      />
      {sync.data && (
        <Notice>{t('templates.synced', { updated: sync.data.updated, imported: sync.data.imported })}</Notice>
      )}
      <ErrorAlert error={sync.error ?? templates.error} />
      <div className="filters">
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: t('common.all') },
            ...TEMPLATE_STATUSES.map((s) => ({ value: s, label: t(`template.status.${s}` as MessageKey) })),
          ]}
        />
      </div>
      <DataTable
        label={t('nav.templates')}
        paged={templates}
        rowKey={(tpl) => tpl.id}
        empty={t('templates.empty')}
        columns={[
          { header: t('templates.name'), cell: (tpl) => <code>{tpl.name}</code> },
          { header: t('templates.language'), cell: (tpl) => tpl.language },
          { header: t('templates.category'), cell: (tpl) => tpl.category, secondary: true },
          {
            header: t('common.status'),
            cell: (tpl) => (
              <>
                <Badge tone={TONES[tpl.status]}>{t(`template.status.${tpl.status}` as MessageKey)}</Badge>
                {tpl.status === 'REJECTED' && tpl.rejectionReason && (
                  <span className="muted small"> {tpl.rejectionReason}</span>
                )}
              </>
            ),
          },
          {
            header: t('templates.body'),
            cell: (tpl) => <span className="clip">{tpl.body}</span>,
            secondary: true,
          },
          {
            header: t('common.actions'),
            cell: (tpl) => (
              <span className="actions">
                {/* WhatsApp writes an authentication template's words itself. */}
                {tpl.category !== 'AUTHENTICATION' && (
                  <Button
                    variant="ghost"
                    aria-label={t('templates.change', { name: tpl.name, language: tpl.language })}
                    onClick={() => setChanging(tpl)}
                  >
                    {t('templates.edit')}
                  </Button>
                )}
                <Button
                  variant="ghost"
                  aria-label={t('templates.deleteNamed', { name: tpl.name, language: tpl.language })}
                  onClick={() => setDeleting(tpl)}
                >
                  {t('common.delete')}
                </Button>
              </span>
            ),
          },
        ]}
      />
      {creating && <TemplateDialog onClose={() => setCreating(false)} />}
      {changing && <TemplateDialog template={changing} onClose={() => setChanging(undefined)} />}
      {deleting && (
        <ConfirmDialog
          title={t('templates.confirmDelete', { name: deleting.name })}
          description={t('templates.deleteEverywhere')}
          confirm={t('common.delete')}
          busy={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(undefined) })}
          onCancel={() => setDeleting(undefined)}
        />
      )}
    </>
  );
}

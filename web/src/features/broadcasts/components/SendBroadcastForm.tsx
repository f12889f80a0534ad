import { useState } from 'react';
import { useLocation } from 'wouter';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useApprovedTemplates, useSendBroadcast } from '../api/broadcasts';

/** An approved template with its parameters, to a list or a trip's customers; then its progress. */
export function SendBroadcastForm({ lists }: { lists: Array<{ id: string; name: string }> }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const templates = useApprovedTemplates();
  const send = useSendBroadcast();
  const [templateId, setTemplateId] = useState('');
  const [params, setParams] = useState<string[]>([]);
  const [target, setTarget] = useState('');
  const [tripCode, setTripCode] = useState('');
  const template = templates.data?.data.find((tpl) => tpl.id === templateId);
  const count = template?.parameters.body ?? 0;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!template) return;
        send.mutate(
          {
            template: { name: template.name, language: template.language, params: params.slice(0, count) },
            ...(target === 'trip' ? { tripCode } : { listId: target }),
          },
          { onSuccess: (result) => navigate(`/${result.broadcastId}`) },
        );
      }}
    >
      <SelectField
        label={t('broadcasts.template')}
        required
        value={templateId}
        onChange={(e) => setTemplateId(e.target.value)}
        options={[
          { value: '', label: '—' },
          ...(templates.data?.data ?? []).map((tpl) => ({
            value: tpl.id,
            label: `${tpl.name} (${tpl.language})`,
          })),
        ]}
      />
      {template && <p className="preview">{template.body}</p>}
      {Array.from({ length: count }, (_, i) => (
        <TextField
          key={`${templateId}-${i}`}
          label={t('broadcasts.param', { n: i + 1 })}
          required
          value={params[i] ?? ''}
          onChange={(e) => setParams(Object.assign([...params], { [i]: e.target.value }))}
        />
      ))}
      <SelectField
        label={t('broadcasts.to')}
        required
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        options={[
          { value: '', label: '—' },
          { value: 'trip', label: t('broadcasts.toTrip') },
          ...lists.map((l) => ({ value: l.id, label: l.name })),
        ]}
      />
      {target === 'trip' && (
        <TextField
          label={t('common.tripCode')}
          required
          value={tripCode}
          onChange={(e) => setTripCode(e.target.value.toUpperCase())}
        />
      )}
      <ErrorAlert error={send.error} />
      <Button type="submit" variant="primary" disabled={send.isPending || !template || !target}>
        {t('broadcasts.sendSubmit')}
      </Button>
    </form>
  );
}

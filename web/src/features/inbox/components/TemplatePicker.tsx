import { useQuery, type UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField, TextField } from '../../../components/ui/Field';
import { api, unwrap } from '../../../lib/api/client';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { Outgoing } from '../api/inbox';

/** An approved template and a field per body parameter, previewed as the customer will read it. */
export function TemplatePicker({ send }: { send: UseMutationResult<unknown, Error, Outgoing> }) {
  const { t } = useI18n();
  const templates = useQuery({
    queryKey: ['templates', { status: 'APPROVED' }, 'composer'],
    queryFn: () => unwrap(api.GET('/templates', { params: { query: { status: 'APPROVED', limit: 200 } } })),
  });
  const [id, setId] = useState('');
  const [params, setParams] = useState<string[]>([]);
  const usable = (templates.data?.data ?? []).filter((tpl) => tpl.category !== 'AUTHENTICATION');
  const template = usable.find((tpl) => tpl.id === id);
  const count = template?.parameters.body ?? 0;
  const preview = template?.body.replace(/\{\{(\d+)\}\}/g, (m, n: string) => params[Number(n) - 1] || m);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (!template) return;
        send.mutate(
          { template: { name: template.name, language: template.language, params: params.slice(0, count) } },
          { onSuccess: () => setParams([]) },
        );
      }}
    >
      <SelectField
        label={t('inbox.template')}
        required
        value={id}
        onChange={(e) => {
          setId(e.target.value);
          setParams([]);
        }}
        options={[
          { value: '', label: '—' },
          ...usable.map((tpl) => ({ value: tpl.id, label: `${tpl.name} (${tpl.language})` })),
        ]}
      />
      {Array.from({ length: count }, (_, i) => (
        <TextField
          key={`${id}-${i}`}
          label={t('broadcasts.param', { n: i + 1 })}
          required
          value={params[i] ?? ''}
          onChange={(e) => setParams(Object.assign([...params], { [i]: e.target.value }))}
        />
      ))}
      {preview && (
        <p className="preview" aria-label={t('inbox.templatePreview')}>
          {preview}
        </p>
      )}
      <ErrorAlert error={send.error} />
      <Button type="submit" variant="primary" disabled={!template || send.isPending}>
        {t('inbox.sendTemplate')}
      </Button>
    </form>
  );
}

import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { SelectField, TextArea, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { parameterCount, TEMPLATE_CATEGORIES, useCreateTemplate, type NewTemplate } from '../api/templates';

/** A new template, submitted to the provider for approval (approved at once on the console provider). */
export function CreateTemplateDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const create = useCreateTemplate();
  const [draft, setDraft] = useState<NewTemplate>({
    name: '',
    language: 'en',
    category: 'UTILITY',
    body: '',
  });
  const [examples, setExamples] = useState<string[]>([]);
  const [footer, setFooter] = useState('');
  const count = parameterCount(draft.body);
  const set = (patch: Partial<NewTemplate>) => setDraft({ ...draft, ...patch });
  return (
    <Dialog title={t('templates.new')} open onOpenChange={(o) => !o && onClose()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              ...draft,
              bodyExamples: count ? examples.slice(0, count) : undefined,
              footer: footer || undefined,
            },
            { onSuccess: onClose },
          );
        }}
      >
        <TextField
          label={t('templates.name')}
          hint={t('templates.nameHint')}
          required
          pattern="[a-z0-9_]+"
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <div className="row">
          <TextField
            label={t('templates.language')}
            required
            value={draft.language}
            onChange={(e) => set({ language: e.target.value })}
          />
          <SelectField
            label={t('templates.category')}
            value={draft.category}
            onChange={(e) => set({ category: e.target.value as NewTemplate['category'] })}
            options={TEMPLATE_CATEGORIES.map((c) => ({ value: c, label: c }))}
          />
        </div>
        <TextArea
          label={t('templates.body')}
          hint={t('templates.bodyHint')}
          required
          value={draft.body}
          onChange={(e) => set({ body: e.target.value })}
        />
        {Array.from({ length: count }, (_, i) => (
          <TextField
            key={i}
            label={t('templates.example', { n: i + 1 })}
            required
            value={examples[i] ?? ''}
            onChange={(e) => setExamples(Object.assign([...examples], { [i]: e.target.value }))}
          />
        ))}
        <TextField label={t('templates.footer')} value={footer} onChange={(e) => setFooter(e.target.value)} />
        <ErrorAlert error={create.error} />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('templates.submit')}
        </Button>
      </form>
    </Dialog>
  );
}

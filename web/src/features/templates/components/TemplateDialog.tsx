import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { SelectField, TextArea, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import {
  parameterCount,
  TEMPLATE_CATEGORIES,
  useSaveTemplate,
  type NewTemplate,
  type Template,
} from '../api/templates';

/**
 * A new template, or changes to one (a rejected one fixed and sent back to review), submitted to
 * the provider for approval (approved at once on the console provider). Name and language identify
 * a template at the provider: they are set once.
 */
export function TemplateDialog({ template, onClose }: { template?: Template; onClose(): void }) {
  const { t } = useI18n();
  const save = useSaveTemplate();
  const [draft, setDraft] = useState<NewTemplate>({
    name: template?.name ?? '',
    language: template?.language ?? 'en',
    category: template?.category ?? 'UTILITY',
    body: template?.body ?? '',
  });
  const [examples, setExamples] = useState<string[]>(template?.bodyExamples ?? []);
  const [footer, setFooter] = useState(template?.footer ?? '');
  const count = parameterCount(draft.body);
  const set = (patch: Partial<NewTemplate>) => setDraft({ ...draft, ...patch });
  return (
    <Dialog
      title={
        template
          ? t('templates.change', { name: template.name, language: template.language })
          : t('templates.new')
      }
      description={
        template?.rejectionReason
          ? t('templates.rejectedBecause', { reason: template.rejectionReason })
          : undefined
      }
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const content = {
            category: draft.category,
            body: draft.body,
            bodyExamples: count ? examples.slice(0, count) : undefined,
            footer: footer || undefined,
          };
          save.mutate(
            template ? { id: template.id, changes: content } : { draft: { ...draft, ...content } },
            { onSuccess: onClose },
          );
        }}
      >
        <TextField
          label={t('templates.name')}
          hint={t('templates.nameHint')}
          required
          readOnly={Boolean(template)}
          pattern="[a-z0-9_]+"
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <div className="row">
          <TextField
            label={t('templates.language')}
            required
            readOnly={Boolean(template)}
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
        <ErrorAlert error={save.error} />
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t('templates.submit')}
        </Button>
      </form>
    </Dialog>
  );
}

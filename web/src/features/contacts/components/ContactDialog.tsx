import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { SelectField, TextArea, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useUpdateContact, type Contact, type ContactChanges } from '../api/contacts';

/** A contact's name, the language they are answered in (or detection), tags and notes. */
export function ContactDialog({ contact, onClose }: { contact: Contact; onClose(): void }) {
  const { t } = useI18n();
  const update = useUpdateContact(contact.phone);
  const [name, setName] = useState(contact.name ?? '');
  const [language, setLanguage] = useState<string>(
    contact.languageSource === 'staff' ? (contact.language ?? '') : '',
  );
  const [tags, setTags] = useState(contact.tags.join(', '));
  const [notes, setNotes] = useState(contact.notes ?? '');
  return (
    <Dialog
      title={contact.name ?? contact.phone}
      description={contact.phone}
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const changes: ContactChanges = {
            name: name.trim() || null,
            language: (language || null) as ContactChanges['language'],
            tags: tags
              .split(',')
              .map((tag) => tag.trim())
              .filter(Boolean),
            notes: notes.trim() || null,
          };
          update.mutate(changes, { onSuccess: onClose });
        }}
      >
        <TextField label={t('settings.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField
          label={t('contacts.language')}
          hint={t('contacts.languageHint')}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          options={[
            {
              value: '',
              label: t('contacts.detected', {
                language: (contact.languageSource === 'detected' && contact.language) || '—',
              }),
            },
            { value: 'en', label: 'English' },
            { value: 'es', label: 'Español' },
            { value: 'pt', label: 'Português' },
          ]}
        />
        <TextField
          label={t('contacts.tags')}
          hint={t('contacts.tagsHint')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
        <TextArea label={t('contacts.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <ErrorAlert error={update.error} />
        <Button type="submit" variant="primary" disabled={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Dialog>
  );
}

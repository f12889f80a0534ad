import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useContacts, type Contact } from '../api/contacts';
import { ContactDialog } from './ContactDialog';

/** Everyone who wrote: consent, language, last seen, how many conversations, leads and bookings. */
export default function ContactsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<Contact>();
  const contacts = useContacts(q);
  return (
    <>
      <PageHeader title={t('nav.contacts')} />
      <div className="filters" role="search">
        <TextField
          label={t('contacts.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <ErrorAlert error={contacts.error} />
      <DataTable
        label={t('nav.contacts')}
        paged={contacts}
        rowKey={(c) => c.phone}
        empty={t('contacts.empty')}
        columns={[
          {
            header: t('common.customer'),
            cell: (c) => (
              <Button variant="ghost" className="link" onClick={() => setOpen(c)}>
                {c.name ?? c.phone}
              </Button>
            ),
          },
          { header: t('common.phone'), cell: (c) => c.phone, secondary: true },
          {
            header: t('contacts.consent'),
            cell: (c) =>
              c.optIn ? (
                <Badge tone={c.optIn === 'opted_out' ? 'bad' : 'good'}>
                  {t(c.optIn === 'opted_out' ? 'contacts.optedOut' : 'contacts.optedIn')}
                </Badge>
              ) : (
                '—'
              ),
          },
          { header: t('contacts.language'), cell: (c) => c.language || '—', secondary: true },
          { header: t('contacts.lastSeen'), cell: (c) => format.dateTime(c.lastSeenAt), secondary: true },
          {
            header: t('contacts.counts'),
            cell: (c) =>
              t('contacts.countsValue', {
                conversations: c.counts.conversations,
                leads: c.counts.leads,
                bookings: c.counts.bookings,
              }),
            secondary: true,
          },
          { header: t('contacts.tags'), cell: (c) => c.tags.join(', ') || '—', secondary: true },
        ]}
      />
      {open && <ContactDialog contact={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

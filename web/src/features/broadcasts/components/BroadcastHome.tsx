import { useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { Dialog } from '../../../components/ui/Dialog';
import { TextArea, TextField } from '../../../components/ui/Field';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useFormat } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { parseMembers, useAddMembers, useBroadcastLists, useCreateList } from '../api/broadcasts';
import { SendBroadcastForm } from './SendBroadcastForm';
import { SentBroadcasts } from './SentBroadcasts';

export function BroadcastHome() {
  const { t } = useI18n();
  const format = useFormat();
  const lists = useBroadcastLists();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<{ id: string; name: string }>();
  return (
    <>
      <PageHeader
        title={t('nav.broadcasts')}
        actions={<Button onClick={() => setCreating(true)}>{t('broadcasts.newList')}</Button>}
      />
      <section className="card" aria-labelledby="send-broadcast">
        <h2 id="send-broadcast">{t('broadcasts.send')}</h2>
        <SendBroadcastForm lists={lists.rows ?? []} />
      </section>
      <SentBroadcasts />
      <h2>{t('broadcasts.lists')}</h2>
      <ErrorAlert error={lists.error} />
      <DataTable
        label={t('broadcasts.lists')}
        paged={lists}
        rowKey={(l) => l.id}
        empty={t('broadcasts.noLists')}
        columns={[
          { header: t('broadcasts.listName'), cell: (l) => l.name },
          { header: t('broadcasts.members'), cell: (l) => format.number(l.memberCount) },
          { header: t('common.created'), cell: (l) => format.dateTime(l.createdAt), secondary: true },
          {
            header: t('common.actions'),
            cell: (l) => (
              <Button
                variant="ghost"
                onClick={() => setAdding(l)}
                aria-label={t('broadcasts.addMembersTo', { name: l.name })}
              >
                {t('broadcasts.addMembers')}
              </Button>
            ),
          },
        ]}
      />
      {creating && <ListDialog onClose={() => setCreating(false)} />}
      {adding && <ListDialog list={adding} onClose={() => setAdding(undefined)} />}
    </>
  );
}

/** A new list with its first members, or more members for a list. */
function ListDialog({ list, onClose }: { list?: { id: string; name: string }; onClose(): void }) {
  const { t } = useI18n();
  const create = useCreateList();
  const add = useAddMembers(list?.id ?? '');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const mutation = list ? add : create;
  return (
    <Dialog
      title={list ? t('broadcasts.addMembersTo', { name: list.name }) : t('broadcasts.newList')}
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (list) add.mutate(parseMembers(members));
          else create.mutate({ name, members: parseMembers(members) }, { onSuccess: onClose });
        }}
      >
        {!list && (
          <TextField
            label={t('broadcasts.listName')}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
        <TextArea
          label={t('broadcasts.members')}
          hint={t('broadcasts.membersHint')}
          rows={6}
          value={members}
          onChange={(e) => setMembers(e.target.value)}
        />
        <ErrorAlert error={mutation.error} />
        {add.data && (
          <Notice>
            {t('broadcasts.added', { added: add.data.added, already: add.data.alreadyMembers })}
          </Notice>
        )}
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Dialog>
  );
}

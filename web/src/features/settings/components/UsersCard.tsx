import { useState } from 'react';
import { useSession } from '../../../app/session/useSession';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Badge } from '../../../components/ui/Badge';
import { Button } from '../../../components/ui/Button';
import { DataTable } from '../../../components/ui/DataTable';
import { SelectField, TextField } from '../../../components/ui/Field';
import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { ROLES, useCreateUser, useIssueKey, useSetActive, useUsers, type StaffUser } from '../api/settings';

/** Staff users: add one (their API key is shown once), (de)activate, issue a new key. */
export function UsersCard() {
  const { t } = useI18n();
  const me = useSession().data?.user.id;
  const users = useUsers();
  const create = useCreateUser();
  const setActive = useSetActive();
  const issue = useIssueKey();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<StaffUser['role']>('sales');
  const shownKey = create.data?.apiKey ?? issue.data?.apiKey;
  return (
    <section className="card" aria-labelledby="users">
      <h2 id="users">{t('settings.users')}</h2>
      <form
        className="inline-form wrap"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, phone, role });
        }}
      >
        <TextField
          label={t('settings.name')}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('common.phone')}
          type="tel"
          required
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <SelectField
          label={t('settings.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as StaffUser['role'])}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
        />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {t('settings.addUser')}
        </Button>
      </form>
      <ErrorAlert error={create.error ?? setActive.error ?? issue.error} />
      {shownKey && (
        <Notice>
          {t('settings.keyOnce')} <code className="secret">{shownKey}</code>
        </Notice>
      )}
      <DataTable
        label={t('settings.users')}
        paged={users}
        rowKey={(u) => u.id}
        empty={t('settings.noUsers')}
        columns={[
          { header: t('settings.name'), cell: (u) => u.name },
          { header: t('common.phone'), cell: (u) => u.phone, secondary: true },
          { header: t('settings.role'), cell: (u) => t(`role.${u.role}` as MessageKey) },
          {
            header: t('common.status'),
            cell: (u) => (
              <Badge tone={u.active ? 'good' : 'neutral'}>
                {u.active ? t('settings.active') : t('settings.inactive')}
              </Badge>
            ),
          },
          {
            header: t('common.actions'),
            cell: (u) =>
              u.id === me ? null : (
                <span className="actions">
                  <Button variant="ghost" onClick={() => setActive.mutate({ id: u.id, active: !u.active })}>
                    {u.active ? t('settings.deactivate') : t('settings.activate')}
                  </Button>
                  {u.active && (
                    <Button
                      variant="ghost"
                      onClick={() => issue.mutate(u.id)}
                      aria-label={t('settings.newKeyFor', { name: u.name })}
                    >
                      {t('settings.newKey')}
                    </Button>
                  )}
                </span>
              ),
          },
        ]}
      />
    </section>
  );
}

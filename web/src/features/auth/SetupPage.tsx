import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useSignedIn } from '../../app/session/useSession';
import { ErrorAlert, Notice } from '../../components/ui/Alert';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Field';
import { api, unwrap } from '../../lib/api/client';
import { useI18n } from '../../lib/i18n/I18nProvider';
import { AuthFrame } from './AuthFrame';

/** First run: the link printed at start-up creates the first manager, who is then signed in. */
export default function SetupPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signedIn = useSignedIn();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const setup = useMutation({
    mutationFn: () => unwrap(api.POST('/setup', { body: { token, name, phone } })),
  });
  if (setup.data)
    return (
      <AuthFrame title={t('setup.doneTitle')}>
        <Notice>{t('setup.done', { name: setup.data.user.name })}</Notice>
        <p>{t('setup.apiKeyOnce')}</p>
        <pre className="secret" aria-label={t('setup.apiKey')}>
          {setup.data.apiKey}
        </pre>
        <Link href="/" className="btn btn-primary" onClick={() => signedIn(setup.data)}>
          {t('setup.continue')}
        </Link>
      </AuthFrame>
    );
  return (
    <AuthFrame title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      {!token && (
        <p role="alert" className="alert alert-error">
          {t('setup.noToken')}
        </p>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setup.mutate();
        }}
      >
        <TextField
          label={t('setup.name')}
          required
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('setup.phone')}
          hint={t('setup.phoneHint')}
          type="tel"
          autoComplete="tel"
          required
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <ErrorAlert error={setup.error} />
        <Button type="submit" variant="primary" disabled={!token || setup.isPending}>
          {t('setup.submit')}
        </Button>
      </form>
    </AuthFrame>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSignedIn } from '../../app/session/useSession';
import { ErrorAlert, Notice } from '../../components/ui/Alert';
import { Button } from '../../components/ui/Button';
import { TextField } from '../../components/ui/Field';
import { api, unwrap } from '../../lib/api/client';
import { useI18n } from '../../lib/i18n/I18nProvider';
import { AuthFrame } from './AuthFrame';

/** Sign in with a code sent over WhatsApp, or with an API key. */
export default function SignInPage() {
  const { t } = useI18n();
  const [withKey, setWithKey] = useState(false);
  return (
    <AuthFrame title={t('signIn.title')}>
      {withKey ? <ApiKeyForm /> : <CodeForm />}
      <Button variant="ghost" onClick={() => setWithKey(!withKey)}>
        {withKey ? t('signIn.useCode') : t('signIn.useApiKey')}
      </Button>
    </AuthFrame>
  );
}

function CodeForm() {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const sendCode = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/login-code', { body: { phone } })),
  });
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/session', { body: { phone, code } })),
    onSuccess: signedIn,
  });
  const submitPhone = (e: FormEvent) => {
    e.preventDefault();
    sendCode.mutate();
  };
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  if (!sendCode.isSuccess)
    return (
      <form onSubmit={submitPhone} className="stack">
        <TextField
          label={t('signIn.phone')}
          hint={t('signIn.phoneHint')}
          type="tel"
          autoComplete="tel"
          required
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
        <ErrorAlert error={sendCode.error} />
        <Button type="submit" variant="primary" disabled={sendCode.isPending}>
          {t('signIn.sendCode')}
        </Button>
      </form>
    );
  return (
    <form onSubmit={submitCode} className="stack">
      <Notice>{t('signIn.codeSent', { phone })}</Notice>
      <TextField
        label={t('signIn.code')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      />
      <ErrorAlert error={verify.error} />
      <Button type="submit" variant="primary" disabled={verify.isPending}>
        {t('signIn.submit')}
      </Button>
      <Button variant="ghost" onClick={() => sendCode.reset()}>
        {t('signIn.otherPhone')}
      </Button>
    </form>
  );
}

function ApiKeyForm() {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const [apiKey, setApiKey] = useState('');
  const verify = useMutation({
    mutationFn: () => unwrap(api.POST('/auth/session', { body: { apiKey } })),
    onSuccess: signedIn,
  });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        verify.mutate();
      }}
    >
      <TextField
        label={t('signIn.apiKey')}
        type="password"
        autoComplete="off"
        required
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
      />
      <ErrorAlert error={verify.error} />
      <Button type="submit" variant="primary" disabled={verify.isPending}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}

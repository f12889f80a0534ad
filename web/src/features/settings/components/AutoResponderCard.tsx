import { useEffect, useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { TextArea, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { useAutoResponder, useSaveAutoResponder, type AutoResponder } from '../api/autoResponder';
import { RulesEditor } from './RulesEditor';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

/** SPEC §23 for managers: business hours and holidays, away message, greeting, rules, the AI. */
export function AutoResponderCard() {
  const { t } = useI18n();
  const stored = useAutoResponder();
  const save = useSaveAutoResponder();
  const [draft, setDraft] = useState<AutoResponder>();
  useEffect(() => {
    if (stored.data) setDraft(stored.data);
  }, [stored.data]);
  const edit = (changes: Partial<AutoResponder>) => setDraft((d) => d && { ...d, ...changes });
  return (
    <section className="card" aria-labelledby="auto-responder">
      <h2 id="auto-responder">{t('autoResponder.title')}</h2>
      <p className="hint">{t('autoResponder.intro')}</p>
      <ErrorAlert error={stored.error ?? save.error} />
      {save.isSuccess && <Notice>{t('autoResponder.saved')}</Notice>}
      {draft && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <TextField
            label={t('autoResponder.timezone')}
            hint={t('autoResponder.timezoneHint')}
            required
            value={draft.timezone}
            onChange={(e) => edit({ timezone: e.target.value })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.businessHours !== null}
              onChange={(e) => edit({ businessHours: e.target.checked ? {} : null })}
            />
            {t('autoResponder.useHours')}
          </label>
          {draft.businessHours && (
            <WeeklyHoursEditor
              value={draft.businessHours}
              onChange={(businessHours) => edit({ businessHours })}
            />
          )}
          <TextField
            label={t('autoResponder.holidays')}
            hint={t('autoResponder.holidaysHint')}
            value={(draft.holidays ?? []).join(', ')}
            onChange={(e) =>
              edit({
                holidays: e.target.value
                  .split(',')
                  .map((d) => d.trim())
                  .filter(Boolean),
              })
            }
          />
          <TextArea
            label={t('autoResponder.awayMessage')}
            hint={t('autoResponder.awayHint')}
            value={draft.awayMessage ?? ''}
            onChange={(e) => edit({ awayMessage: e.target.value.trim() ? e.target.value : null })}
          />
          <TextArea
            label={t('autoResponder.greeting')}
            hint={t('autoResponder.greetingHint')}
            value={draft.greeting ?? ''}
            onChange={(e) => edit({ greeting: e.target.value.trim() ? e.target.value : null })}
          />
          <RulesEditor rules={draft.rules ?? []} onChange={(rules) => edit({ rules })} />
          <fieldset className="stack settings-group">
            <legend>{t('autoResponder.ai')}</legend>
            <p className="hint">{t('autoResponder.aiHint')}</p>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.ai.enabled}
                onChange={(e) => edit({ ai: { ...draft.ai, enabled: e.target.checked } })}
              />
              {t('autoResponder.aiEnabled')}
            </label>
            <TextArea
              label={t('autoResponder.instructions')}
              value={draft.ai.instructions ?? ''}
              onChange={(e) => edit({ ai: { ...draft.ai, instructions: e.target.value } })}
            />
            <TextField
              label={t('autoResponder.maxReplies')}
              type="number"
              min={1}
              max={100}
              value={draft.ai.maxRepliesPerConversation ?? 5}
              onChange={(e) =>
                edit({ ai: { ...draft.ai, maxRepliesPerConversation: Number(e.target.value) } })
              }
            />
          </fieldset>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {t('autoResponder.save')}
          </Button>
        </form>
      )}
    </section>
  );
}

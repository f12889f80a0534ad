import type { MessageKey } from '../../../lib/i18n/en';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import { TextField } from '../../../components/ui/Field';
import { WEEKDAYS, type AutoResponder } from '../api/autoResponder';

type Hours = NonNullable<AutoResponder['businessHours']>;

/** One text field per weekday: `09:00-13:00, 14:00-18:00`; empty is closed. */
export function WeeklyHoursEditor({ value, onChange }: { value: Hours; onChange: (hours: Hours) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="stack settings-group">
      <legend>{t('autoResponder.weeklyHours')}</legend>
      <p className="hint">{t('autoResponder.hoursHint')}</p>
      {WEEKDAYS.map((day) => (
        <TextField
          key={day}
          label={t(`weekday.${day}` as MessageKey)}
          placeholder={t('autoResponder.closed')}
          value={(value[day] ?? []).join(', ')}
          pattern="^\s*(\d{2}:\d{2}-\d{2}:\d{2}\s*(,\s*\d{2}:\d{2}-\d{2}:\d{2}\s*)*)?$"
          onChange={(e) => {
            const ranges = e.target.value
              .split(',')
              .map((r) => r.trim())
              .filter(Boolean);
            onChange({ ...value, [day]: ranges });
          }}
        />
      ))}
    </fieldset>
  );
}

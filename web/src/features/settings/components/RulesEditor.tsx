import { Button } from '../../../components/ui/Button';
import { SelectField, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { AutoReplyRule } from '../api/autoResponder';

const EMPTY: AutoReplyRule = { match: { keywords: [] }, reply: { text: '' }, handoff: false };

/** The rules in order (the first that matches answers): add, remove, move up or down. */
export function RulesEditor({
  rules,
  onChange,
}: {
  rules: AutoReplyRule[];
  onChange: (rules: AutoReplyRule[]) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, rule: AutoReplyRule) => onChange(rules.map((r, j) => (j === i ? rule : r)));
  const move = (i: number, by: number) => {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="stack settings-group">
      <legend>{t('autoResponder.rules')}</legend>
      <p className="hint">{t('autoResponder.rulesHint')}</p>
      <ol className="stack rule-list">
        {rules.map((rule, i) => {
          const byPattern = 'pattern' in rule.match;
          const n = { n: String(i + 1) };
          return (
            <li key={i} className="card inline-form wrap" aria-label={t('autoResponder.ruleN', n)}>
              <SelectField
                label={t('autoResponder.matchBy')}
                value={byPattern ? 'pattern' : 'keywords'}
                options={[
                  { value: 'keywords', label: t('autoResponder.keywords') },
                  { value: 'pattern', label: t('autoResponder.pattern') },
                ]}
                onChange={(e) =>
                  set(i, {
                    ...rule,
                    match: e.target.value === 'pattern' ? { pattern: '' } : { keywords: [] },
                  })
                }
              />
              <TextField
                label={byPattern ? t('autoResponder.pattern') : t('autoResponder.keywordsHint')}
                required
                value={'pattern' in rule.match ? rule.match.pattern : (rule.match.keywords ?? []).join(', ')}
                onChange={(e) =>
                  set(i, {
                    ...rule,
                    match: byPattern
                      ? { pattern: e.target.value }
                      : {
                          keywords: e.target.value
                            .split(',')
                            .map((k) => k.trim())
                            .filter(Boolean),
                        },
                  })
                }
              />
              <TextField
                label={'template' in rule.reply ? t('autoResponder.template') : t('autoResponder.replyText')}
                required
                value={'template' in rule.reply ? (rule.reply.template ?? '') : (rule.reply.text ?? '')}
                onChange={(e) =>
                  set(i, {
                    ...rule,
                    reply: 'template' in rule.reply ? { template: e.target.value } : { text: e.target.value },
                  })
                }
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={'template' in rule.reply}
                  onChange={(e) =>
                    set(i, { ...rule, reply: e.target.checked ? { template: '' } : { text: '' } })
                  }
                />
                {t('autoResponder.useTemplate')}
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={Boolean(rule.handoff)}
                  onChange={(e) => set(i, { ...rule, handoff: e.target.checked })}
                />
                {t('autoResponder.handoff')}
              </label>
              <span className="actions">
                <Button
                  variant="ghost"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('autoResponder.moveUp', n)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('autoResponder.moveDown', n)}
                >
                  ↓
                </Button>
                <Button variant="ghost" onClick={() => onChange(rules.filter((_, j) => j !== i))}>
                  {t('autoResponder.removeRule', n)}
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <Button onClick={() => onChange([...rules, EMPTY])}>{t('autoResponder.addRule')}</Button>
    </fieldset>
  );
}

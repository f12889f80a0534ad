import { useState } from 'react';
import { ErrorAlert, Notice } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { SelectField, TextField } from '../../../components/ui/Field';
import { useI18n } from '../../../lib/i18n/I18nProvider';
import type { MessageKey } from '../../../lib/i18n/en';
import { LEAD_STATUSES, useConvertLead, useCreateQuote, useUpdateLead, type Lead } from '../api/leads';
import { useLeadQuotes } from '../api/quotes';
import { LeadQuotes } from './LeadQuotes';

/** One lead: its status, a quote to send, or its conversion into a booking. */
export function LeadDialog({ lead, onClose }: { lead: Lead; onClose(): void }) {
  const { t } = useI18n();
  const update = useUpdateLead(lead.id);
  const [status, setStatus] = useState<Lead['status']>(lead.status);
  return (
    <Dialog
      title={t('leads.dialogTitle', { ref: lead.ref })}
      description={lead.summary ?? undefined}
      open
      onOpenChange={(o) => !o && onClose()}
    >
      <dl className="facts">
        <dt>{t('common.customer')}</dt>
        <dd>
          {lead.customerName ?? '—'} · {lead.customerPhone}
        </dd>
        <dt>{t('leads.partySize')}</dt>
        <dd>{lead.partySize ?? '—'}</dd>
        <dt>{t('leads.travelMonth')}</dt>
        <dd>{lead.travelMonth ?? '—'}</dd>
      </dl>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ status });
        }}
      >
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as Lead['status'])}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`lead.status.${s}` as MessageKey) }))}
        />
        <Button type="submit" disabled={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
      <ErrorAlert error={update.error} />
      {update.isSuccess && <Notice>{t('common.saved')}</Notice>}
      <QuoteForm lead={lead} />
      <LeadQuotes leadId={lead.id} />
      <ConvertForm lead={lead} />
    </Dialog>
  );
}

function QuoteForm({ lead }: { lead: Lead }) {
  const { t } = useI18n();
  const quote = useCreateQuote(lead.id);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [description, setDescription] = useState('');
  return (
    <form
      className="stack section"
      onSubmit={(e) => {
        e.preventDefault();
        quote.mutate({ amount, currency, description });
      }}
    >
      <h2>{t('leads.quote')}</h2>
      <div className="row">
        <TextField
          label={t('common.amount')}
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label={t('common.currency')}
          required
          maxLength={3}
          value={currency}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())}
        />
      </div>
      <TextField
        label={t('leads.quoteDescription')}
        required
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <ErrorAlert error={quote.error} />
      {quote.data && (
        <Notice>
          {t(quote.data.status === 'sent' ? 'leads.quoteSent' : 'leads.quotePending', {
            ref: quote.data.ref,
          })}
        </Notice>
      )}
      <Button type="submit" disabled={quote.isPending}>
        {t('leads.sendQuote')}
      </Button>
    </form>
  );
}

function ConvertForm({ lead }: { lead: Lead }) {
  const { t } = useI18n();
  const convert = useConvertLead(lead.id);
  const [tripCode, setTripCode] = useState('');
  const [partySize, setPartySize] = useState(String(lead.partySize ?? 1));
  // The price agreed: the latest quote sent to the customer, until someone types another.
  const agreed = useLeadQuotes(lead.id).quotes?.find((q) => q.status === 'sent');
  const [typedAmount, setAmount] = useState<string>();
  const [typedCurrency, setCurrency] = useState<string>();
  const amount = typedAmount ?? agreed?.amount ?? '';
  const currency = typedCurrency ?? agreed?.currency ?? 'USD';
  return (
    <form
      className="stack section"
      onSubmit={(e) => {
        e.preventDefault();
        convert.mutate({ tripCode, partySize: Number(partySize), amount, currency });
      }}
    >
      <h2>{t('leads.convert')}</h2>
      <div className="row">
        <TextField
          label={t('common.tripCode')}
          required
          value={tripCode}
          onChange={(e) => setTripCode(e.target.value.toUpperCase())}
        />
        <TextField
          label={t('leads.partySize')}
          type="number"
          min={1}
          required
          value={partySize}
          onChange={(e) => setPartySize(e.target.value)}
        />
      </div>
      <div className="row">
        <TextField
          label={t('common.amount')}
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <TextField
          label={t('common.currency')}
          required
          maxLength={3}
          value={currency}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())}
        />
      </div>
      <ErrorAlert error={convert.error} />
      {convert.data && <Notice>{t('leads.converted', { ref: convert.data.ref })}</Notice>}
      <Button type="submit" variant="primary" disabled={convert.isPending || lead.status === 'converted'}>
        {t('leads.convertSubmit')}
      </Button>
    </form>
  );
}

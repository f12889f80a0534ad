import { metaTextDelivery, type SignedDelivery } from '../../support/process/metaApp';

export interface CustomerTraffic {
  /** E.164 numbers of the customers, as the service stores them. */
  phones: string[];
  /** Every wamid sent: one enquiry and one follow-up per customer. */
  wamids: string[];
  /** Enquiries first, then follow-ups (Meta does not promise order; the follow-up usually comes later). */
  deliveries: SignedDelivery[];
}

/** `count` new customers, each sending an enquiry and then a follow-up. `prefix` keeps runs apart. */
export function customerTraffic(count: number, prefix = 50): CustomerTraffic {
  const digits = Array.from({ length: count }, (_, i) => `54911${prefix}${String(i).padStart(6, '0')}`);
  const enquiries = digits.map((from, i) =>
    metaTextDelivery({
      from,
      name: `Customer ${i}`,
      text: `Hi, we are ${2 + (i % 4)} people, trip in March?`,
    }),
  );
  const followUps = digits.map((from, i) =>
    metaTextDelivery({ from, name: `Customer ${i}`, text: 'Also: is lunch included?' }),
  );
  const all = [...enquiries, ...followUps];
  return { phones: digits.map((d) => `+${d}`), wamids: all.map((d) => d.wamid), deliveries: all };
}

import { foldText } from './foldText';
import { findPartySize } from './partySize';
import { findTravelMonth } from './travelMonth';

export interface LeadDetails {
  partySize?: number;
  /** English lower-case month name, e.g. 'december'. */
  travelMonth?: string;
}

/**
 * Party size and travel month from a lead's free text (English and Spanish). Both optional; the
 * caller keeps the raw text. Pure: no I/O.
 */
export function extractLeadDetails(text: string): LeadDetails {
  const folded = foldText(text);
  const details: LeadDetails = {};
  const partySize = findPartySize(folded);
  if (partySize !== undefined) details.partySize = partySize;
  const travelMonth = findTravelMonth(folded);
  if (travelMonth !== undefined) details.travelMonth = travelMonth;
  return details;
}

/** One step in an incident's history after its report (`incident_updates`). */
export interface IncidentUpdate {
  id: string;
  tenantId: string;
  incidentId: string;
  kind: 'note' | 'acknowledged' | 'resolved';
  authorId?: string;
  /** The author's name, when read back. */
  authorName?: string;
  note?: string;
  /** What the trip's customers were sent, when they were. */
  customerMessage?: string;
  customersNotified: number;
  at: Date;
}

export type NewIncidentUpdate = Omit<IncidentUpdate, 'id' | 'authorName' | 'at'>;

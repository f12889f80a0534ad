/**
 * Meta's Graph API versions and the day each stops being served ("Available Until"), as published
 * at https://developers.facebook.com/docs/graph-api/changelog/versions/ (read 2026-12-07; v26.0,
 * released 2026-07-29, had no date yet). Update this table when Meta publishes new dates: it is
 * the only place the service knows them.
 */
export const GRAPH_API_EXPIRY: Readonly<Record<string, string | undefined>> = {
  'v26.0': undefined,
  'v25.0': '2028-07-29',
  'v24.0': '2028-02-18',
  'v23.0': '2027-10-08',
  'v22.0': '2027-05-20',
  'v21.0': '2027-01-21',
  'v20.0': '2026-09-24',
  'v19.0': '2026-05-21',
  'v18.0': '2026-01-26',
  'v17.0': '2025-09-12',
  'v16.0': '2025-05-14',
  'v15.0': '2024-11-20',
  'v14.0': '2024-09-17',
  'v13.0': '2024-05-28',
  'v12.0': '2024-02-08',
  'v11.0': '2023-09-14',
  'v10.0': '2023-06-08',
  'v9.0': '2023-02-23',
  'v8.0': '2022-11-01',
  'v7.0': '2022-08-04',
  'v6.0': '2022-05-05',
  'v5.0': '2022-02-03',
  'v4.0': '2021-11-02',
  'v3.3': '2021-08-03',
  'v3.2': '2021-05-04',
  'v3.1': '2020-10-27',
  'v3.0': '2020-07-28',
};

/** The version used unless WHATSAPP_API_VERSION says otherwise. */
export const DEFAULT_API_VERSION = 'v25.0';

/** The oldest version in the table; anything before it expired before 2020-07-28. */
const OLDEST_LISTED = { version: 'v3.0', expires: '2020-07-28' };
export const EXPIRY_WARNING_DAYS = 90;
const DAY_MS = 86_400_000;

export type VersionStatus =
  | { kind: 'expired'; expires: string }
  | { kind: 'expiring'; expires: string; daysLeft: number }
  | { kind: 'current'; expires?: string }
  | { kind: 'unlisted' };

const numeric = (version: string) => version.slice(1).split('.').map(Number) as [number, number];
const older = (a: string, b: string) => {
  const [[a1, a2], [b1, b2]] = [numeric(a), numeric(b)];
  return a1 < b1 || (a1 === b1 && a2 < b2);
};

/** Where `version` (vNN.N) stands on `now`: a version expires at the start of its "Available Until" day (UTC). */
export function graphApiVersionStatus(version: string, now: Date): VersionStatus {
  const listed = Object.hasOwn(GRAPH_API_EXPIRY, version);
  if (!listed)
    return older(version, OLDEST_LISTED.version)
      ? { kind: 'expired', expires: OLDEST_LISTED.expires }
      : { kind: 'unlisted' };
  const expires = GRAPH_API_EXPIRY[version];
  if (!expires) return { kind: 'current' };
  const daysLeft = Math.ceil((Date.parse(`${expires}T00:00:00Z`) - now.getTime()) / DAY_MS);
  if (daysLeft <= 0) return { kind: 'expired', expires };
  if (daysLeft <= EXPIRY_WARNING_DAYS) return { kind: 'expiring', expires, daysLeft };
  return { kind: 'current', expires };
}

/** A line to log at start-up when `version` expires within 90 days or is not in the table. */
export function graphApiVersionWarning(version: string, now = new Date()): string | undefined {
  const status = graphApiVersionStatus(version, now);
  if (status.kind === 'expiring')
    return `WHATSAPP_API_VERSION ${version} expires on ${status.expires} (in ${status.daysLeft} days): move to ${DEFAULT_API_VERSION}`;
  if (status.kind === 'unlisted')
    return `WHATSAPP_API_VERSION ${version} is not in Meta's published version table known to this release`;
  return undefined;
}

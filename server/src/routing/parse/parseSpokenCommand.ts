import { matchStaffKeyword } from './matchStaffKeyword';
import { parseStaffCommand, type StaffCommand } from './parseStaffCommand';

/** Speech puts a space between the letters and digits of a code: "TRP 123" is TRP123. */
const SPLIT_CODE = /^([A-Za-z]{2,6})\s+(\d{1,8})(?=$|[\s,.:;!?])/;

/**
 * The command a staff member's voice note speaks, if it clearly speaks one: a known keyword first,
 * a trip code with a digit in it (or an incident or quote ref), nothing missing. "Help, the van
 * broke down" or "Issue with the van" are voice notes, not commands. Pure: no I/O.
 */
export function parseSpokenCommand(transcript: string): StaffCommand | undefined {
  const text = transcript.trim().replace(/[.!]+$/, '');
  const match = matchStaffKeyword(text);
  if (!match || match.verb === 'help') return undefined;
  const keyword = text.slice(0, text.length - match.rest.length);
  const command = parseStaffCommand(keyword + match.rest.replace(SPLIT_CODE, '$1$2'));
  if (command.kind === 'unknown' || command.kind === 'help' || command.kind === 'malformed') return undefined;
  if ('tripCode' in command && !/\d/.test(command.tripCode)) return undefined;
  return command;
}

import { STAFF, TRIP, type StaffKey } from './demoCast';
import type { DemoScene } from './demoScene';

const person = (key: StaffKey) => STAFF.find((s) => s.key === key)!;

/** The guide in the field: check-in, a photo, an incident that operations acknowledge and resolve. */
export async function playField(scene: DemoScene): Promise<void> {
  const say = async (key: StaffKey, text: string, imageId?: string) => {
    await scene.channel.deliver(person(key), text, imageId);
    scene.step(`${person(key).name} on WhatsApp: ${imageId ? 'a photo without a caption' : `"${text}"`}`);
  };
  await say('guide', `CHECKIN ${TRIP.code} group of 12 picked up at the hotel`);
  await say('guide', '', 'demo-photo-1');
  await say('guide', `ISSUE ${TRIP.code} van has a flat tyre at km 40, waiting for help`);
  await say('operations', 'UPDATE INC-1 spare van on its way, 20 minutes');
  await say('guide', 'STATUS INC-1');
  await say('operations', `RESOLVED ${TRIP.code} spare fitted, back on the road`);

  const dayBefore = new Date(Date.parse(`${scene.departure}T00:00:00Z`) - 12 * 3_600_000);
  const run = await scene.runJobAt('trip-reminders', dayBefore);
  const { customers = 0, staff = 0 } = run?.summary ?? {};
  scene.step(
    `the day before departure, job trip-reminders: ${customers} customer and ${staff} staff reminded`,
  );
}

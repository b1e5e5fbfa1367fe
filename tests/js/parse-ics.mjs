// parse-ics.mjs: reads a calendar file with Mozilla ical.js (Thunderbird's parser)
// and prints its events as JSON: uid, summary, sequence, status, and start and end
// as Unix seconds (or as YYYY-MM-DD for all-day events).
//
// Usage: node parse-ics.mjs FILE.ics
// Exit status: 0 parsed; 1 unparsable; 2 parsed, but a VTIMEZONE or an event is broken.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const problems = [];
let root;

try {
  root = new ICAL.Component(ICAL.parse(text));
} catch (error) {
  console.error(`unparsable: ${error.message}`);
  process.exit(1);
}

for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(vtimezone);
}

const declared = new Set(root.getAllSubcomponents('vtimezone')
  .map((zone) => zone.getFirstPropertyValue('tzid')));

function instant (property, name, uid) {
  if (!property) {
    problems.push(`${uid}: no ${name}`);
    return null;
  }
  const tzid = property.getParameter('tzid');
  const value = property.getFirstValue();
  if (value.isDate) {
    return value.toString();
  }
  if (tzid && !declared.has(tzid)) {
    problems.push(`${uid}: ${name} has TZID ${tzid} without a VTIMEZONE`);
  }
  if (!tzid && value.zone !== ICAL.Timezone.utcTimezone) {
    problems.push(`${uid}: ${name} is a floating time`);
  }
  if (tzid) {
    value.zone = ICAL.TimezoneService.get(tzid);
  }
  return value.toUnixTime();
}

const events = root.getAllSubcomponents('vevent').map((vevent) => {
  const uid = vevent.getFirstPropertyValue('uid');
  if (!uid) problems.push('an event has no UID');
  if (!vevent.getFirstPropertyValue('dtstamp')) problems.push(`${uid}: no DTSTAMP`);
  return {
    uid,
    summary: vevent.getFirstPropertyValue('summary'),
    description: vevent.getFirstPropertyValue('description'),
    location: vevent.getFirstPropertyValue('location'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    status: vevent.getFirstPropertyValue('status'),
    start: instant(vevent.getFirstProperty('dtstart'), 'DTSTART', uid),
    end: instant(vevent.getFirstProperty('dtend'), 'DTEND', uid),
  };
});

console.log(JSON.stringify({
  name: root.getFirstPropertyValue('name'),
  method: root.getFirstPropertyValue('method'),
  timezones: [...declared],
  events,
}));

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(2);
}

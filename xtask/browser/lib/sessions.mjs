// When the shipped offers happen, computed here from data/offers.csv and data/holidays.csv,
// independently of the generator and of the explorer's Rust (DESIGN.md "Time"): weekdays in
// French or English with ranks ("2e mardi", "dernier vendredi", "2tue", "-1fri"), times
// ("18h30", "14:00"), dates lists ("05/12/2026 20h"), exceptions (dates, "a..b",
// vacances_scolaires, jours_fériés), starts_on/ends_on bounds; permanent offers. The browser
// tests compare the explorer's answers with what this says.

import { readFileSync } from 'node:fs';
import path from 'node:path';

const DAY_MS = 86_400_000;
/** Day number (days since 1970-01-01) of a Y-M-D. */
export const dayOf = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
/** Day number of "2026-12-01" or "01/12/2026". */
export function parseDay(text) {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (m) return dayOf(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (m) return dayOf(+m[3], +m[2], +m[1]);
  throw new Error(`not a date: ${text}`);
}
const civil = (day) => { const d = new Date(day * DAY_MS); return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]; };
/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (day) => (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
const monthLength = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const NAMES = [
  ['mon', 'monday', 'lundi'], ['tue', 'tuesday', 'mardi'], ['wed', 'wednesday', 'mercredi'],
  ['thu', 'thursday', 'jeudi'], ['fri', 'friday', 'vendredi'], ['sat', 'saturday', 'samedi'],
  ['sun', 'sunday', 'dimanche'],
];
const plain = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const weekdayName = (s) => {
  const t = plain(s).replace(/s$/, '');
  const i = NAMES.findIndex((n) => n.includes(t) || n.includes(plain(s)));
  if (i < 0) throw new Error(`not a weekday: ${s}`);
  return i;
};
const WORDS = { premier: 1, premiere: 1, deuxieme: 2, troisieme: 3, quatrieme: 4, cinquieme: 5, dernier: -1, derniere: -1, last: -1 };

/** "mardi" → {weekday: 1, rank: 0}; "2e mardi", "2tue" → rank 2; "dernier vendredi", "-1fri" → −1. */
export function dayRule(token) {
  const t = plain(token);
  let m = /^(-?\d)(?:er|re|e|eme|nd|rd|th|st)?\s*([a-z]+)$/.exec(t);
  if (m) return { weekday: weekdayName(m[2]), rank: Number(m[1]) };
  m = /^([a-z-]+)\s+([a-z]+)$/.exec(t);
  if (m && WORDS[m[1]] !== undefined) return { weekday: weekdayName(m[2]), rank: WORDS[m[1]] };
  return { weekday: weekdayName(t), rank: 0 };
}

/** "18h30", "14h", "14:00" → minutes after midnight; "" → null. */
export function minutes(text) {
  const t = text.trim().toLowerCase().replace(/\s/g, '');
  if (!t) return null;
  const m = /^(\d{1,2})[h:](\d{2})?$/.exec(t);
  if (!m) throw new Error(`not a time: ${text}`);
  return Number(m[1]) * 60 + Number(m[2] || 0);
}

const split = (cell) => cell.split(cell.includes('|') ? '|' : /[,;]/).map((s) => s.trim()).filter(Boolean);

/** The holidays of holidays.csv as {school: [[a, b]], public: [[a, b]]}. */
export function holidays(rows) {
  const out = { school: [], public: [] };
  for (const h of rows) {
    const a = parseDay(h.starts_on);
    const b = h.ends_on ? parseDay(h.ends_on) : a;
    out[/^(public|f[ée]ri[ée])/i.test(h.kind) ? 'public' : 'school'].push([a, b]);
  }
  return out;
}

/** One offer's timing from its CSV row. */
export function timing(o) {
  const days = split(o.days || '').map(dayRule);
  const start = minutes(o.start_time || ''), end = minutes(o.end_time || '');
  const dates = split(o.dates || '').map((item) => {
    const [d, t] = item.split(/\s+/, 2);
    const [a, b] = (t || '').split(/[-–]/);
    const s = a ? minutes(a) : null;
    return { day: parseDay(d), start: s ?? start, end: s !== null ? (b ? minutes(b) : null) : end };
  });
  const off = [], pauses = { school: false, public: false };
  for (const item of split(o.except || '')) {
    const w = plain(item).replace(/[\s-]/g, '_');
    if (['vacances_scolaires', 'school_holidays', 'vacances'].includes(w)) pauses.school = true;
    else if (['jours_feries', 'public_holidays', 'feries'].includes(w)) pauses.public = true;
    else {
      const [a, b] = item.split('..');
      off.push([parseDay(a), parseDay(b ?? a)]);
    }
  }
  let from = o.starts_on ? parseDay(o.starts_on) : null;
  let until = o.ends_on ? parseDay(o.ends_on) : null;
  const noRule = days.length === 0 && dates.length === 0;
  if (noRule && from !== null && (until === null || until === from)) {
    until = from;
    if (start === null) dates.push({ day: from, start: null, end: null });
  }
  return { days, start, end, dates, off, pauses, from, until, permanent: noRule && start === null && !(from !== null && until === from) };
}

const within = (ranges, day) => ranges.some(([a, b]) => a <= day && day <= b);

/** The sessions of a timing from day `first` to `last`, sorted. */
export function sessions(t, hol, first, last) {
  const out = [];
  const isOff = (d) => within(t.off, d) || (t.pauses.school && within(hol.school, d)) || (t.pauses.public && within(hol.public, d));
  const lo = Math.max(first, t.from ?? first), hi = Math.min(last, t.until ?? last);
  const daily = t.days.length === 0 && t.dates.length === 0 && t.start !== null && t.from !== null;
  for (let d = lo; (t.days.length || daily) && d <= hi; d++) {
    const [y, m, dom] = civil(d);
    const hit = daily || t.days.some((r) => r.weekday === weekdayOf(d) && (r.rank === 0
      || (r.rank > 0 ? Math.floor((dom - 1) / 7) + 1 === r.rank : Math.floor((monthLength(y, m) - dom) / 7) + 1 === -r.rank)));
    if (hit && !isOff(d)) out.push({ day: d, start: t.start, end: t.end });
  }
  for (const s of t.dates) if (first <= s.day && s.day <= last && !isOff(s.day)) out.push(s);
  return out.sort((a, b) => a.day - b.day || (a.start ?? -1) - (b.start ?? -1));
}

/** Whether a session is over at `minute` of day `today` (it counts until it ends, or starts). */
export const over = (s, today, minute) => s.day < today || (s.day === today && (s.end ?? s.start) !== null && (s.end ?? s.start) <= minute);

/** The shipped offers (rows of offers.csv) with their timing and the holidays, read from `root`. */
export function load(root, readCsv) {
  const hol = holidays(readCsv('holidays.csv'));
  const rows = readCsv('offers.csv').map((o) => ({ ...o, timing: timing(o) }));
  return { hol, rows };
}

/**
 * What the data says at the visitor's `now` ({day, minute}): per offer, whether it is current,
 * its sessions still to come up to `last`, and whether it is permanent and open in a window.
 */
export function upcoming(o, hol, now, last) {
  const t = o.timing;
  if (t.permanent) return [];
  return sessions(t, hol, now.day, last).filter((s) => !over(s, now.day, now.minute));
}

export function isCurrent(o, hol, now) {
  const t = o.timing;
  if (t.permanent) return t.until === null || t.until >= now.day;
  return upcoming(o, hol, now, now.day + 548).length > 0;
}

export { path };

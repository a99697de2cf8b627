"""Every .ics a built site holds, parsed and expanded by an independent implementation
(icalendar + recurring-ical-events), must give exactly the sessions the site lists in
data/sessions.csv over the same period: each offer's own calendar its sessions, each feed the
sessions of the current offers it contains.

usage: check_ics.py SITE_DIR FIRST_DAY LAST_DAY    (the site's window, YYYY-MM-DD, inclusive)
Prints one line per calendar kind and the totals; exits 1 on the first difference set.
"""

import csv
import datetime as dt
import pathlib
import sys
from collections import defaultdict

import icalendar
import recurring_ical_events


def local(value, zone):
    """A DTSTART/DTEND value as the site writes it: local YYYY-MM-DDTHH:MM, or YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(zone)
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def expand(path, first, last):
    """{offer id: sorted [(start, end)]} for the events of one calendar within the window."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    zone_name = str(calendar.get("X-WR-TIMEZONE"))
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(zone_name)
    found = defaultdict(list)
    events = recurring_ical_events.of(calendar).between(first, last + dt.timedelta(days=1))
    for event in events:
        uid = str(event["UID"]).split("@")[0]
        start = event["DTSTART"].dt
        end = event.get("DTEND")
        all_day = not isinstance(start, dt.datetime)
        end_text = "" if all_day or end is None else local(end.dt, zone)
        # recurring-ical-events gives an end equal to the start for an event with no DTEND.
        if end is None or (not all_day and end_text == local(start, zone)):
            end_text = ""
        found[uid].append((local(start, zone), end_text))
    # Several VEVENTs of one offer (other times) carry UIDs "<id>-2": fold them into the offer.
    return found


def main():
    site, first, last = pathlib.Path(sys.argv[1]), dt.date.fromisoformat(sys.argv[2]), dt.date.fromisoformat(sys.argv[3])
    expected = defaultdict(list)
    with open(site / "data" / "sessions.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            expected[row["offer"]].append((row["start"], row["end"]))
    ids = set(expected)

    def merged(found):
        out = defaultdict(list)
        for uid, sessions in found.items():
            base = uid
            if base not in ids and "-" in uid and uid.rsplit("-", 1)[0] in ids:
                base = uid.rsplit("-", 1)[0]
            out[base].extend(sessions)
        return {k: sorted(v) for k, v in out.items()}

    files = sorted(site.glob("offers/*/offer.ics")) + sorted(site.glob("offers/*.ics"))
    feeds = [site / "data" / "agenda.ics"] + sorted(site.glob("calendars/**/*.ics"))
    problems, sessions_checked, offers_checked = [], 0, 0
    for path in files:
        got = merged(expand(path, first, last))
        offer = path.parent.name if path.name == "offer.ics" else path.stem
        want = sorted(expected.get(offer, []))
        offers_checked += 1
        sessions_checked += len(want)
        if got.get(offer, []) != want or set(got) - {offer}:
            problems.append(f"{path.relative_to(site)}: expanded {got.get(offer, [])[:5]}… ≠ site {want[:5]}…")
    feed_sessions = 0
    for path in feeds:
        got = merged(expand(path, first, last))
        for offer, sessions in got.items():
            feed_sessions += len(sessions)
            if sessions != sorted(expected.get(offer, [])):
                problems.append(f"{path.relative_to(site)}: offer {offer} expands differently from the site")
    print(f"offer calendars: {len(files)} files, {offers_checked} offers, {sessions_checked} sessions compared")
    print(f"feeds: {len(feeds)} files, {feed_sessions} sessions compared")
    if problems:
        print("\n".join(problems[:20]))
        print(f"{len(problems)} difference(s)")
        sys.exit(1)
    print("every calendar expands to the site's own sessions")


if __name__ == "__main__":
    main()

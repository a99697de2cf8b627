"""A calendar imported by `passerelle import`, expanded by an independent implementation
(icalendar + recurring-ical-events) in the site's time zone, must give exactly the sessions the
built site lists for the offer each event became (data/sessions.csv), over the site's window.

usage: check_import.py SOURCE.ics OFFERS.csv SOURCE_NAME SITE_DIR ZONE FIRST_DAY LAST_DAY

OFFERS.csv is the project's data/offers.csv: its `source` column (SOURCE_NAME:UID) says which
offer an event became; events that became no offer (refused by the import) are skipped.
Passerelle's documented departures: a session ending on a later day keeps its start only; an
all-day event over several days is an offer open from its first to its last day (no sessions);
a cancelled instance (STATUS:CANCELLED) is no session.
Prints the counts; exits 1 on a difference.
"""

import csv
import datetime as dt
import pathlib
import sys
from collections import defaultdict
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events


def main():
    source, offers, name, site, zone, first, last = sys.argv[1:8]
    zone = ZoneInfo(zone)
    first, last = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    offer_of = {}
    with open(offers, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("source", "").startswith(name + ":"):
                offer_of[row["source"][len(name) + 1 :]] = row["id"]
    site_sessions = defaultdict(list)
    with open(pathlib.Path(site) / "data" / "sessions.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            site_sessions[row["offer"]].append((row["start"], row["end"]))
    calendar = icalendar.Calendar.from_ical(pathlib.Path(source).read_bytes())
    found = defaultdict(list)
    spanning = set()
    for event in recurring_ical_events.of(calendar).between(first, last + dt.timedelta(days=1)):
        uid = str(event["UID"])
        # A cancelled instance is in the calendar, marked: it is no session of the offer.
        if uid not in offer_of or str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start, end = event["DTSTART"].dt, event["DTEND"].dt if "DTEND" in event else None
        if not isinstance(start, dt.datetime):
            if end is not None and (end - start).days > 1 and "RRULE" not in event:
                spanning.add(uid)
            found[offer_of[uid]].append((start.isoformat(), ""))
            continue
        start = start.astimezone(zone) if start.tzinfo else start
        end = (end.astimezone(zone) if end.tzinfo else end) if end is not None else None
        same_day = end is not None and end.date() == start.date() and end != start
        found[offer_of[uid]].append((start.strftime("%Y-%m-%dT%H:%M"), end.strftime("%Y-%m-%dT%H:%M") if same_day else ""))
    problems, compared = [], 0
    for uid, offer in sorted(offer_of.items()):
        want = [] if uid in spanning else sorted(found.get(offer, []))
        got = sorted(site_sessions.get(offer, []))
        compared += len(want)
        if want != got:
            problems.append(f"{offer} ({uid}): calendar {want[:4]}… ≠ site {got[:4]}…")
    print(f"{len(offer_of)} imported events, {compared} sessions compared")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print("every imported event expands to the site's sessions")


if __name__ == "__main__":
    main()

use super::*;

fn read_text(text: &str) -> (Option<Read>, Diagnostics) {
    let mut d = Diagnostics::default();
    let read = read(text, "cal.ics", chrono_tz::Europe::Brussels, &mut d);
    (read, d)
}

fn cell<'a>(row: &'a Row, column: &str) -> &'a str {
    let i = COLUMNS.iter().position(|c| *c == column).unwrap_or(0);
    row.cells.get(i).map_or("", |c| c.value.as_str())
}

// A weekly event with its texts escaped and folded becomes one row, each cell at its line.
#[test]
fn a_weekly_event_becomes_a_row() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:slam-1@example.org\r\n\
        SUMMARY:Atelier slam\\, poésie\r\nDESCRIPTION:Écrire et dire. Pour les 12-17 ans\r\n \
        .\r\nDTSTART;TZID=Europe/Brussels:20261006T180000\r\nDTEND;TZID=Europe/Brussels:20261006T\
        193000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z\r\nEXDATE;TZID=Europe/Brussels:\
        20261027T180000,20261103T180000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (read, d) = read_text(text);
    assert!(!d.has_errors(), "{d:?}");
    let rows = read.map(|r| r.rows).unwrap_or_default();
    assert_eq!(rows.len(), 2);
    let row = &rows[1];
    assert_eq!(cell(row, "SUMMARY"), "Atelier slam, poésie");
    assert_eq!(cell(row, "FIRST-SENTENCE"), "Écrire et dire.");
    assert_eq!(cell(row, "days"), "tue");
    assert_eq!(cell(row, "start_time"), "18:00");
    assert_eq!(cell(row, "end_time"), "19:30");
    assert_eq!(cell(row, "starts_on"), "2026-10-06");
    assert_eq!(cell(row, "ends_on"), "2026-12-15");
    assert_eq!(cell(row, "except"), "2026-10-27|2026-11-03");
    assert_eq!(row.line, 3);
    assert_eq!((row.cells[1].line, row.cells[1].column), (5, 9));
}

// Garbage is a diagnostic at its place, never a panic.
#[test]
fn garbage_is_reported_at_its_line() {
    let (read, d) =
        read_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nthis is not a line\nEND:VEVENT\nEND:VCALENDAR\n");
    assert!(read.is_none());
    assert!(d.has_errors());
}

/// The time cells of the calendar's single event, or its diagnostics.
fn timing(event: &str) -> Result<(Vec<String>, Vec<String>), Vec<String>> {
    let text = format!(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nSUMMARY:x\n{event}\nEND:VEVENT\nEND:VCALENDAR\n"
    );
    let (read, d) = read_text(&text);
    let messages: Vec<String> = d.iter().map(|x| format!("{}:{}: {}", x.line, x.column, x.message)).collect();
    if d.has_errors() {
        return Err(messages);
    }
    let rows = read.map(|r| r.rows).unwrap_or_default();
    let row = rows.get(1).ok_or_else(Vec::new)?;
    let cells = ["days", "start_time", "end_time", "dates", "except", "starts_on", "ends_on"]
        .iter()
        .map(|c| format!("{c}={}", cell(row, c)))
        .filter(|c| !c.ends_with('='))
        .collect();
    Ok((cells, messages))
}

fn ok(event: &str) -> Vec<String> {
    match timing(event) {
        Ok((cells, warnings)) => {
            assert!(warnings.is_empty(), "{warnings:?}");
            cells
        }
        Err(e) => panic!("{e:?}"),
    }
}

// Ranked weekdays of a month, with COUNT's last session as ends_on.
#[test]
fn monthly_ranks_and_count() {
    assert_eq!(
        ok("DTSTART;TZID=Europe/Paris:20261013T140000\nDTEND;TZID=Europe/Paris:20261013T160000\nRRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=5"),
        ["days=2tue", "start_time=14:00", "end_time=16:00", "starts_on=2026-10-13", "ends_on=2027-02-09"]
    );
    assert_eq!(
        ok("DTSTART:20261030T200000\nDURATION:PT2H\nRRULE:FREQ=MONTHLY;BYDAY=-1FR"),
        ["days=-1fri", "start_time=20:00", "end_time=22:00", "starts_on=2026-10-30"]
    );
}

// UTC times are converted; a weekday moves with them.
#[test]
fn utc_times_move_to_the_site_zone() {
    assert_eq!(
        ok("DTSTART:20261005T223000Z\nRRULE:FREQ=WEEKLY;COUNT=3"),
        ["days=tue", "start_time=00:30", "starts_on=2026-10-06", "ends_on=2026-10-20"]
    );
}

// A UTC rule across a change of clocks keeps no single local time: refused when endless,
// imported as dates (with a warning) when bounded.
#[test]
fn rules_passerelle_cannot_say() {
    let endless = timing("DTSTART:20261006T160000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU");
    assert!(endless.is_err_and(|e| e[0].starts_with("7:7: Passerelle cannot express")));
    let (cells, warnings) = timing("DTSTART:20261020T160000Z\nRRULE:FREQ=WEEKLY;COUNT=3").unwrap_or_default();
    assert_eq!(cells[0], "dates=2026-10-20 18:00|2026-10-27 17:00|2026-11-03 17:00");
    assert!(warnings[0].contains("its 3 sessions are imported as single dates"), "{warnings:?}");
    for rule in [
        "FREQ=HOURLY",
        "FREQ=WEEKLY;INTERVAL=2",
        "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU",
        "FREQ=MONTHLY",
        "FREQ=YEARLY",
    ] {
        let found = timing(&format!("DTSTART:20261006T180000\nRRULE:{rule}"));
        assert!(found.is_err(), "{rule}: {found:?}");
    }
    let bounded = timing("DTSTART:20261006T180000\nRRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3");
    assert_eq!(
        bounded.map(|b| b.0),
        Ok(vec![
            "dates=2026-10-06 18:00|2026-10-20 18:00|2026-11-03 18:00".to_owned(),
            "starts_on=2026-10-06".into(),
            "ends_on=2026-11-03".into()
        ])
    );
}

// Single events, RDATEs, all-day and multi-day events.
#[test]
fn single_and_all_day_events() {
    assert_eq!(
        ok("DTSTART;VALUE=DATE:20261205\nDTEND;VALUE=DATE:20261206"),
        ["dates=2026-12-05", "starts_on=2026-12-05", "ends_on=2026-12-05"]
    );
    assert_eq!(
        ok("DTSTART;VALUE=DATE:20261201\nDTEND;VALUE=DATE:20270101"),
        ["starts_on=2026-12-01", "ends_on=2026-12-31"]
    );
    assert_eq!(
        ok("DTSTART:20261205T200000\nDTEND:20261205T220000\nRDATE:20261206T150000,20261212T200000"),
        [
            "dates=2026-12-05 20:00-22:00|2026-12-06 15:00-17:00|2026-12-12 20:00-22:00",
            "starts_on=2026-12-05",
            "ends_on=2026-12-12"
        ]
    );
    assert_eq!(
        ok("DTSTART;VALUE=DATE:20261003\nRRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20261031"),
        ["days=sat", "starts_on=2026-10-03", "ends_on=2026-10-31"]
    );
}

// A moved instance becomes a date and its old day an exception; a cancelled one an exception.
#[test]
fn moved_and_cancelled_instances() {
    let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20261006T180000\nDTEND:20261006T200000\n\
        RRULE:FREQ=WEEKLY;COUNT=4\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\nRECURRENCE-ID:20261013T180000\n\
        DTSTART:20261015T180000\nDTEND:20261015T200000\nEND:VEVENT\nBEGIN:VEVENT\nUID:a\n\
        RECURRENCE-ID:20261020T180000\nSTATUS:CANCELLED\nDTSTART:20261020T180000\nEND:VEVENT\nEND:VCALENDAR\n";
    let (read, d) = read_text(text);
    assert!(!d.has_errors(), "{d:?}");
    let rows = read.map(|r| r.rows).unwrap_or_default();
    assert_eq!(rows.len(), 2);
    assert_eq!(cell(&rows[1], "dates"), "2026-10-15 18:00-20:00");
    assert_eq!(cell(&rows[1], "except"), "2026-10-13|2026-10-20");
    assert_eq!(cell(&rows[1], "ends_on"), "2026-10-27");
}

// What a calendar's cells say is what Passerelle's own parsers read back.
#[test]
fn the_cells_read_back() {
    let (cells, _) = timing("DTSTART:20261006T180000\nDTEND:20261006T193000\nRRULE:FREQ=MONTHLY;BYDAY=1TU,-1FR;COUNT=6\nEXDATE:20261127T180000").unwrap_or_default();
    let get = |k: &str| cells.iter().find_map(|c| c.strip_prefix(&format!("{k}="))).unwrap_or("").to_owned();
    assert!(crate::load::when::days(&get("days")).is_ok_and(|d| d.len() == 2));
    assert!(crate::load::when::except(&get("except")).is_ok_and(|e| e.ranges.len() == 1));
    assert_eq!(crate::load::when::time(&get("start_time")).ok().flatten(), Some(18 * 60));
}

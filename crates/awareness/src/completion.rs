//! Lesson completion per group, for trainers: for each group of the learner list and each role
//! track, how many of the group's members passed every lesson of the track in its current
//! version. Pure. Counts only, never a person; a group (or the whole organisation) under
//! [`MIN_GROUP`] people shows no figure, as simulation results do.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::lessons::{Language, Library, Track};
pub use crate::results::MIN_GROUP;
use crate::targets::TargetsError;

/// One member: their group, and the ids of the lessons they passed in the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub group: Option<String>,
    pub passed: BTreeSet<String>,
}

/// A track's completion within a set of people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrackFigures {
    pub track: &'static str,
    /// Lessons in the track.
    pub lessons: usize,
    /// People who passed all of them.
    pub completed: u64,
    /// `completed` over the set's people, 0 to 1.
    pub rate: f64,
}

/// A set's figures, or nothing when it is too small to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupCompletion {
    pub group: String,
    /// True when the set has fewer than [`MIN_GROUP`] people: no figure is shown.
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracks: Option<Vec<TrackFigures>>,
}

/// The whole organisation and its groups (people without a group are in the whole only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub overall: GroupCompletion,
    pub groups: Vec<GroupCompletion>,
}

/// Counts completion of `people` against the lessons of `library`.
pub fn by_group(people: &[Person], library: &Library) -> Summary {
    let tracks: Vec<(Track, BTreeSet<String>)> =
        Track::ALL.iter().map(|t| (*t, library.lessons(Language::En, Some(*t)).iter().map(|l| l.id.clone()).collect())).collect();
    let mut groups: BTreeMap<&str, Vec<&Person>> = BTreeMap::new();
    for p in people {
        if let Some(g) = &p.group {
            groups.entry(g.as_str()).or_default().push(p);
        }
    }
    let all: Vec<&Person> = people.iter().collect();
    Summary { overall: figures("", &all, &tracks), groups: groups.into_iter().map(|(g, members)| figures(g, &members, &tracks)).collect() }
}

fn figures(group: &str, members: &[&Person], tracks: &[(Track, BTreeSet<String>)]) -> GroupCompletion {
    if members.len() < MIN_GROUP {
        return GroupCompletion { group: group.to_string(), suppressed: true, people: None, tracks: None };
    }
    let n = members.len() as u64;
    let rows = tracks
        .iter()
        .map(|(t, lessons)| {
            let completed = members.iter().filter(|p| lessons.is_subset(&p.passed)).count() as u64;
            TrackFigures { track: t.key(), lessons: lessons.len(), completed, rate: completed as f64 / n as f64 }
        })
        .collect();
    GroupCompletion { group: group.to_string(), suppressed: false, people: Some(n), tracks: Some(rows) }
}

/// One line of a learner list: a member's user name and group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerLine {
    /// Lower-cased, as user names are stored.
    pub username: String,
    pub group: Option<String>,
    pub line: u64,
}

/// Reads a learner list: CSV with a header row, `username` required, `group` optional (an
/// empty cell clears the group), other columns ignored. Every refusal names the line.
pub fn parse_learners(bytes: &[u8]) -> Result<Vec<LearnerLine>, TargetsError> {
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64;
        return Err(TargetsError::Encoding { line });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| TargetsError::Malformed { line: 1, reason: e.to_string() })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let find = |name: &str| header.iter().position(|h| h == name);
    let user_at = find("username").ok_or_else(|| TargetsError::MissingColumn { column: "username", found: header.join(", ") })?;
    let group_at = find("group");
    let mut first: BTreeMap<String, u64> = BTreeMap::new();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TargetsError::Malformed { line: e.position().map_or(0, |p| p.line()), reason: e.to_string() })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let raw = record.get(user_at).unwrap_or_default();
        if raw.is_empty() {
            return Err(TargetsError::Malformed { line, reason: "the username cell is empty".into() });
        }
        let username = raw.to_lowercase();
        if let Some(seen) = first.insert(username.clone(), line) {
            return Err(TargetsError::Duplicate { line, column: "username", value: raw.to_string(), first: seen });
        }
        let group = group_at.and_then(|i| record.get(i)).filter(|g| !g.is_empty()).map(str::to_string);
        out.push(LearnerLine { username, group, line });
    }
    if out.is_empty() {
        return Err(TargetsError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(group: Option<&str>, passed: &[&str]) -> Person {
        Person { group: group.map(str::to_string), passed: passed.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn groups_under_five_show_nothing_and_a_track_counts_when_every_lesson_is_passed() {
        let library = Library::embedded().expect("lessons");
        let clerk: Vec<String> = library.lessons(Language::En, Some(Track::CounterClerk)).iter().map(|l| l.id.clone()).collect();
        assert!(clerk.len() >= 2, "the counter track has several lessons");
        let all: Vec<&str> = clerk.iter().map(String::as_str).collect();
        let mut people = vec![person(Some("counter"), &all), person(Some("counter"), &all), person(Some("counter"), &all[..1])];
        people.extend([person(Some("counter"), &[]), person(Some("counter"), &[]), person(Some("depot"), &all), person(None, &all)]);
        let s = by_group(&people, &library);
        assert_eq!(s.overall.people, Some(7));
        let counter = &s.groups[0];
        assert_eq!((counter.group.as_str(), counter.people, counter.suppressed), ("counter", Some(5), false));
        let row = counter.tracks.as_ref().expect("figures").iter().find(|t| t.track == "counter_clerk").expect("row").clone();
        assert_eq!((row.lessons, row.completed, row.rate), (clerk.len(), 2, 0.4));
        assert_eq!(s.groups[1], GroupCompletion { group: "depot".into(), suppressed: true, people: None, tracks: None });
        let json = serde_json::to_value(&s.groups[1]).expect("json");
        assert_eq!(json, serde_json::json!({"group": "depot", "suppressed": true}));
        assert!(by_group(&people[..4], &library).overall.suppressed, "four people in all: nothing shown");
    }

    #[test]
    fn learner_lists_name_the_line_of_every_refusal() {
        let ok = parse_learners(b"\xEF\xBB\xBFUsername,Group,email\nAna,counter,a@x.example\nbob,,\n\n").expect("list");
        assert_eq!(ok[0], LearnerLine { username: "ana".into(), group: Some("counter".into()), line: 2 });
        assert_eq!((ok[1].group.as_ref(), ok.len()), (None, 2));
        let err = |csv: &[u8]| parse_learners(csv).expect_err("refused").to_string();
        assert_eq!(err(b"name,group\nana,x\n"), "line 1: no 'username' column in the header (columns: name, group)");
        assert_eq!(err(b"username\nana\nANA\n"), "line 3: username 'ANA' already appears on line 2");
        assert_eq!(err(b"username,group\n,x\n"), "line 2: the username cell is empty");
        assert_eq!(err(b"username\n\xff\n"), "line 2: not UTF-8 text; save the list as CSV UTF-8");
        assert_eq!(err(b"username\n"), "the list has nobody in it");
    }
}

//! The dossiers the list shows, and the caseload with it: the search and filters, and the
//! rows they leave, recomputed only when the filter or the workspace changes.

use twe_core::reference::{Province, municipalities};
use twe_core::workspace::{Entry, Workspace};

/// Which trajectories the list shows, relative to the reference date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    /// All of them.
    #[default]
    All,
    /// Running on the reference date.
    Running,
    /// Ended before it.
    Closed,
    /// Starting after it.
    Planned,
}

/// Which dossiers by their findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WithFindings {
    /// All of them.
    #[default]
    All,
    /// With at least one error.
    Errors,
    /// With at least one warning.
    Warnings,
    /// With at least one info.
    Infos,
    /// With unsaved changes.
    Unsaved,
}

/// The order of the rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// As the files lie in the folder.
    #[default]
    File,
    /// By dossier id.
    Id,
    /// By client name.
    Client,
    /// By OCMW.
    Ocmw,
    /// By the trajectory's start, earliest first.
    Start,
    /// Most errors first, then most warnings.
    Findings,
}

/// The list's search and filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Matched against id, client and OCMW, ignoring case.
    pub query: String,
    /// Only dossiers of this province.
    pub province: Option<Province>,
    /// Only dossiers guided by this organisation.
    pub organisation: Option<String>,
    /// Only dossiers of this counsellor (case and spacing aside).
    pub counsellor: Option<String>,
    /// Running, closed or planned.
    pub phase: Phase,
    /// By findings.
    pub findings: WithFindings,
    /// Only dossiers with a finding of this rule.
    pub rule: Option<&'static str>,
    /// The order of the rows.
    pub sort: SortBy,
}

/// A client's name as the list sorts it: the family name (all after the first name), then
/// the whole name, in lower case.
fn family_first(client: &str) -> (String, String) {
    let name = client.trim().to_lowercase();
    let family = name
        .split_once(char::is_whitespace)
        .map_or(name.as_str(), |(_, rest)| rest.trim_start())
        .to_string();
    (family, name)
}

impl ListFilter {
    fn matches(&self, e: &Entry, ws: &Workspace, query: &str) -> bool {
        let d = e.dossier();
        // The id, the client, the OCMW, and the words of the counsellor's notes.
        if !query.is_empty()
            && ![&d.id, &d.client, &d.ocmw]
                .into_iter()
                .chain(d.notes.iter().map(|n| &n.text))
                .any(|s| s.to_lowercase().contains(query))
        {
            return false;
        }
        if let Some(p) = self.province
            && municipalities().province_of(&d.ocmw) != Some(p)
        {
            return false;
        }
        if let Some(o) = &self.organisation
            && d.guided_by.as_ref() != Some(o)
        {
            return false;
        }
        if let Some(c) = &self.counsellor
            && !d.has_counsellor(c)
        {
            return false;
        }
        let today = ws.today();
        let phase_ok = match self.phase {
            Phase::All => true,
            Phase::Running => d.is_running_on(today),
            // The art. 60§7 extension (decision 4) still runs: not closed yet.
            Phase::Closed => d.running_last_day() < today,
            Phase::Planned => d.start > today,
        };
        phase_ok
            && match self.findings {
                WithFindings::All => true,
                WithFindings::Errors => e.counts().errors > 0,
                WithFindings::Warnings => e.counts().warnings > 0,
                WithFindings::Infos => e.counts().infos > 0,
                WithFindings::Unsaved => e.is_dirty(),
            }
            && self
                .rule
                .is_none_or(|r| e.findings().iter().any(|f| f.rule.id == r))
    }

    /// Puts `rows` in the chosen order (stable: equal rows keep the folder's order).
    fn sort(&self, ws: &Workspace, rows: &mut [usize]) {
        let e = |i: usize| &ws.entries()[i];
        match self.sort {
            SortBy::File => {}
            SortBy::Id => rows.sort_by(|&a, &b| e(a).dossier().id.cmp(&e(b).dossier().id)),
            // By family name, as a counsellor looks a client up: what follows the first
            // name, particles and all as Flanders files them ("Jonas Claes" under C, "Wim
            // Van den Broeck" under V), then the whole name.
            SortBy::Client => rows.sort_by_cached_key(|&i| family_first(&e(i).dossier().client)),
            SortBy::Ocmw => rows.sort_by_cached_key(|&i| e(i).dossier().ocmw.to_lowercase()),
            SortBy::Start => rows.sort_by_key(|&i| e(i).dossier().start),
            SortBy::Findings => rows.sort_by_key(|&i| {
                let c = e(i).counts();
                std::cmp::Reverse((c.errors, c.warnings))
            }),
        }
    }
}

/// The rows the list shows, recomputed only when the filter or the workspace changed; while
/// entries are only added at the end (a folder loading), only the new ones are looked at.
#[derive(Default)]
pub struct ListCache {
    /// The filter and workspace change generation the rows were computed for.
    key: Option<(ListFilter, u64)>,
    /// How many entries of the workspace the rows cover.
    covered: usize,
    /// Indices into the workspace, in list order.
    pub rows: Vec<usize>,
    /// The first start and the last day of the rows' trajectories, for the caseload:
    /// computed when first asked for after a refresh.
    span: std::cell::OnceCell<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Bumped by every refresh that made new rows, so views can cache what they derive.
    version: u64,
    /// The rows' items due this week (the status bar's count for a filtered list).
    due_this_week: usize,
}

impl ListCache {
    /// Brings the rows up to date.
    pub fn refresh(&mut self, ws: &Workspace, filter: &ListFilter) {
        let same = self
            .key
            .as_ref()
            .is_some_and(|(f, g)| f == filter && *g == ws.change_generation());
        if same && self.covered == ws.len() {
            return;
        }
        let query = filter.query.trim().to_lowercase();
        let from = if same && self.covered < ws.len() {
            self.covered
        } else {
            self.rows.clear();
            0
        };
        let before = self.rows.len();
        self.rows.extend(
            ws.entries()
                .iter()
                .enumerate()
                .skip(from)
                .filter(|(_, e)| !e.is_deleted() && filter.matches(e, ws, &query))
                .map(|(i, _)| i),
        );
        self.covered = ws.len();
        if from > 0 && self.rows.len() == before {
            // Only entries the filter leaves out were added: the rows stand.
            return;
        }
        // Only the added rows counted (all of them after a change): counting every row at
        // every batch of a loading folder was the window's most costly work per frame.
        let kept = if from > 0 { self.due_this_week } else { 0 };
        self.due_this_week = kept + ws.due_this_week_of(&self.rows[before..]);
        filter.sort(ws, &mut self.rows);
        self.version += 1;
        self.key = Some((filter.clone(), ws.change_generation()));
        self.span = std::cell::OnceCell::new();
    }

    /// The rows' items due by the end of this ISO week.
    pub fn due_this_week(&self) -> usize {
        self.due_this_week
    }

    /// Forgets the rows (another workspace): the next refresh makes them again, under a
    /// version never used before, so views caching on it cannot show the old rows.
    pub fn forget(&mut self) {
        self.key = None;
        self.rows.clear();
        self.due_this_week = 0;
        self.covered = 0;
        self.version += 1;
        self.span = std::cell::OnceCell::new();
    }

    /// A number that changes whenever the rows are made again.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The first start and the last day over the rows (computed once per refresh).
    pub fn span(&self, ws: &Workspace) -> (chrono::NaiveDate, chrono::NaiveDate) {
        *self.span.get_or_init(|| {
            let today = ws.today();
            let dossiers = || {
                self.rows
                    .iter()
                    .filter_map(|&i| ws.entry(i))
                    .map(Entry::dossier)
            };
            let from = dossiers().map(|d| d.start).min().unwrap_or(today);
            let to = dossiers()
                .map(twe_core::model::Dossier::last_day)
                .max()
                .unwrap_or(today);
            (from, to)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Clients sort by family name, particles included, as Flanders files them.
    #[test]
    fn clients_sort_by_family_name() {
        let mut names = [
            "Wim Van den Broeck",
            "Jonas Claes",
            "Mohamed El Amrani",
            "An Peeters",
        ];
        names.sort_by_key(|n| family_first(n));
        assert_eq!(
            names,
            [
                "Jonas Claes",
                "Mohamed El Amrani",
                "An Peeters",
                "Wim Van den Broeck"
            ]
        );
    }

    fn today() -> chrono::NaiveDate {
        twe_core::model::date_serde::parse("2026-06-01").unwrap()
    }

    /// An open trajectory in its art. 60§7 extension (decision 4) is running, not closed.
    #[test]
    fn the_art60_extension_is_still_running() {
        let mut ws = Workspace::sample(today());
        let mut d = ws.entries()[0].dossier().clone();
        d.id = "EXT-1".into();
        d.start = twe_core::model::date_serde::parse("2024-03-01").unwrap();
        d.end = None;
        d.social_rights_acquired = None;
        d.instruments = vec![twe_core::model::Instrument {
            kind: twe_core::model::InstrumentKind::Art60,
            start: twe_core::model::date_serde::parse("2025-06-01").unwrap(),
            end: twe_core::model::date_serde::parse("2026-12-31").unwrap(),
            status: twe_core::model::Status::Running,
        }];
        let i = ws.add(d);
        let shown = |phase| {
            let mut c = ListCache::default();
            c.refresh(
                &ws,
                &ListFilter {
                    phase,
                    ..ListFilter::default()
                },
            );
            c.rows.contains(&i)
        };
        assert!(shown(Phase::Running));
        assert!(!shown(Phase::Closed));
    }

    /// Rows kept up by looking only at added entries are the rows a fresh look gives, and
    /// so is their count of items due this week, for every order and with a filter; an edit
    /// makes them again.
    /// Entries added that the filter leaves out keep the rows and their count of items due
    /// as they were.
    #[test]
    fn added_entries_the_filter_leaves_out_keep_the_count() {
        let day = (0..520)
            .map(|w| today() - chrono::Duration::weeks(w))
            .find(|&d| Workspace::sample(d).due_this_week() > 0)
            .expect("a week with items due");
        let mut ws = Workspace::sample(day);
        let due = (0..ws.len())
            .find(|&i| ws.due_this_week_of(&[i]) > 0)
            .expect("a dossier with items due");
        let id = ws.entries()[due].dossier().id.clone();
        let filter = ListFilter {
            query: id.clone(),
            ..ListFilter::default()
        };
        let mut kept = ListCache::default();
        kept.refresh(&ws, &filter);
        let counted = kept.due_this_week();
        assert!(counted > 0);
        let mut d = ws.entries()[due].dossier().clone();
        d.id = "ZZZ-2030-0001".into();
        d.client = "Zed Zonder".into();
        ws.add(d);
        kept.refresh(&ws, &filter);
        let mut fresh = ListCache::default();
        fresh.refresh(&ws, &filter);
        assert_eq!(kept.rows, fresh.rows);
        assert_eq!(kept.due_this_week(), counted);
        assert_eq!(fresh.due_this_week(), counted);
    }

    #[test]
    fn added_entries_extend_the_rows_as_a_fresh_look_would() {
        // A week in which the sample has items due, so that the count can be wrong.
        let day = (0..520)
            .map(|w| today() - chrono::Duration::weeks(w))
            .find(|&d| Workspace::sample(d).due_this_week() > 0)
            .expect("a week with items due");
        for sort in [
            SortBy::File,
            SortBy::Id,
            SortBy::Client,
            SortBy::Ocmw,
            SortBy::Start,
            SortBy::Findings,
        ] {
            for query in ["", "gent", "zzz-nothing"] {
                let filter = ListFilter {
                    query: query.into(),
                    sort,
                    ..ListFilter::default()
                };
                let mut ws = Workspace::sample(day);
                // Copies of a dossier with items due that week: the added rows count.
                let due = (0..ws.len())
                    .find(|&i| ws.due_this_week_of(&[i]) > 0)
                    .expect("a dossier with items due");
                let mut kept = ListCache::default();
                kept.refresh(&ws, &filter);
                for k in 0..3 {
                    let mut d = ws.entries()[due].dossier().clone();
                    d.id = format!("GENT-2030-{k:04}");
                    ws.add(d);
                    kept.refresh(&ws, &filter);
                    let mut fresh = ListCache::default();
                    fresh.refresh(&ws, &filter);
                    assert_eq!(kept.rows, fresh.rows, "{sort:?} «{query}» after {k}");
                    assert_eq!(
                        kept.due_this_week(),
                        fresh.due_this_week(),
                        "{sort:?} «{query}» after {k}"
                    );
                    if query.is_empty() {
                        assert!(fresh.due_this_week() > 0, "the sample has items due");
                    }
                }
                let version = kept.version();
                ws.edit(0, |d| d.client = "Aaron Gent".into()).unwrap();
                kept.refresh(&ws, &filter);
                let mut fresh = ListCache::default();
                fresh.refresh(&ws, &filter);
                assert_eq!(kept.rows, fresh.rows, "{sort:?} «{query}» after an edit");
                assert_ne!(kept.version(), version, "an edit makes the rows again");
            }
        }
    }
}

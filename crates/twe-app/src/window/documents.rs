//! Documents: the plan printed, the caseload, charts and slides exported, a spreadsheet
//! imported; each made here, then written where the user chose by the core's one policy.

use super::super::action::{Output, Request, Shell};
use super::super::import_view::ImportPanel;
use super::Window;
use std::path::PathBuf;
use twe_core::lang::Lang;
use twe_core::model::Dossier;

impl Window {
    /// Print, exports, import.
    pub(super) fn output(&mut self, action: Output) {
        match action {
            Output::PrintPlan { entry, client } => self.print_plan(entry, client),
            Output::ExportDeck => self.export_deck(),
            Output::ExportPng(kind) => self.export_png(kind),
            Output::ExportCharts { all_years } => self.export_charts(all_years),
            Output::ExportCaseload => self.export_caseload(),
            Output::ImportInto(dir) => self.import_into(&dir),
            Output::ImportAdd => self.import_add(),
            Output::CloseImport => self.import = None,
        }
    }

    /// Writes an export to the file the user chose, and says how it went; returns whether
    /// it was written.
    pub(super) fn export(&mut self, path: &std::path::Path, bytes: &[u8]) -> bool {
        self.export_noting(path, bytes, None)
    }

    /// [`Self::export`], saying `note` with "Saved:" (not before the user chose where).
    pub(super) fn export_noting(
        &mut self,
        path: &std::path::Path,
        bytes: &[u8],
        note: Option<&twe_core::lang::Text>,
    ) -> bool {
        // The user chose the name in a dialog that asked before replacing a file.
        let written = twe_core::files::write_document(path, bytes, twe_core::files::Replace::Yes);
        self.say(|lang| match &written {
            Ok(()) => {
                let saved = format!("{} {}", lang.pick("Bewaard:", "Saved:"), path.display());
                match &note {
                    Some(note) => format!("{saved} · {}", note.get(lang)),
                    None => saved,
                }
            }
            Err(e) => format!("{}: {}", path.display(), e.reason(lang)),
        });
        written.is_ok()
    }

    /// Opens a written document in the system's viewer (from where it is printed); where
    /// none can be started, says so and where the file is.
    pub(super) fn open_in_viewer(&mut self, path: &std::path::Path) {
        if !self.viewer {
            return;
        }
        if let Err(e) = opener::open(path) {
            let why = twe_core::lang::terminal_safe(&e.to_string()).into_owned();
            self.say(|lang| {
                format!(
                    "{} {} — {} ({why})",
                    lang.pick("Bewaard:", "Saved:"),
                    path.display(),
                    lang.pick(
                        "het kon hier niet geopend worden; open het vanuit zijn map om af te drukken",
                        "it could not be opened here; open it from its folder to print it",
                    )
                )
            });
        }
    }

    /// Asks where to save a document just made, or says why it could not be made.
    pub(super) fn offer(&mut self, made: Result<Request, twe_core::lang::Text>) {
        match made {
            Ok(request) => self.for_shell.push(Shell::Dialog(request)),
            Err(why) => self.say(|lang| {
                format!(
                    "{}: {}",
                    lang.pick(
                        "Het document kon niet gemaakt worden",
                        "The document could not be made"
                    ),
                    why.get(lang)
                )
            }),
        }
    }

    /// Writes the dossiers the list shows (its filters: "my clients", a phase…) as a
    /// workbook of the four sheets and asks where to save it.
    pub(super) fn export_caseload(&mut self) {
        let rows = self.list.rows(&self.shared.ws).rows.clone();
        let dossiers: Vec<&Dossier> = rows
            .iter()
            .filter_map(|&i| self.shared.ws.entry(i))
            .map(twe_core::workspace::Entry::dossier)
            .collect();
        let made = twe_documents::spreadsheet::caseload_bytes(
            &dossiers,
            twe_documents::spreadsheet::Format::Xlsx { notes: false },
            self.shared.lang,
            twe_core::workspace::journal::scratch_dir().as_deref(),
        )
        .map(|bytes| Request::ExportXlsx {
            bytes,
            name: "twe-caseload.xlsx".into(),
        })
        .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// Reads the spreadsheet `file` and shows how it would be imported; says why when it
    /// cannot be read at all.
    pub(super) fn preview_import(&mut self, file: PathBuf) {
        let path = file.clone();
        let done = twe_core::beside::beside("twe-import-read", move || {
            twe_documents::spreadsheet::read_path(&path)
        });
        let name = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        self.say(|lang| format!("{name}: {}", lang.pick("wordt gelezen…", "reading…")));
        self.import_reading = Some(Reading { file, done });
    }

    /// Shows the preview of `file` once read, or says why it cannot be read.
    fn preview_read(
        &mut self,
        file: PathBuf,
        read: Result<twe_documents::spreadsheet::Source, twe_documents::spreadsheet::ReadError>,
    ) {
        match read {
            Ok(source) => {
                // The status said it was being read: it is.
                let name = file
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.say(|lang| format!("{name}: {}", lang.pick("gelezen", "read")));
                self.import = Some(ImportPanel::new(file, source, &self.column_choices));
            }
            Err(e) => self.say(|lang| format!("{}: {}", file.display(), e.message(lang))),
        }
    }

    /// Takes the spreadsheet being read once it is, waiting a moment for it in the frame
    /// (a small sheet shows at once), else looks again next frame.
    pub(super) fn take_import_reading(&mut self, ctx: &egui::Context) {
        let Some(reading) = &self.import_reading else {
            return;
        };
        match reading.done.recv_timeout(crate::import_view::READ_WAIT) {
            Ok(read) => {
                let file = reading.file.clone();
                self.import_reading = None;
                self.preview_read(file, read);
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => ctx.request_repaint(),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                let file = reading.file.clone();
                self.import_reading = None;
                self.say(|lang| {
                    format!(
                        "{}: {}",
                        file.display(),
                        lang.pick("kon niet gelezen worden", "could not be read")
                    )
                });
            }
        }
    }

    /// Writes the previewed import's dossiers into `dir` (new or empty) and opens it; a
    /// failure stays in the preview, which stays open.
    pub(super) fn import_into(&mut self, dir: &std::path::Path) {
        let Some(panel) = &mut self.import else {
            return;
        };
        // A folder chosen while the rows are read again: they are what is imported.
        panel.finish_reading(self.shared.lang);
        let got = panel.imported();
        if let Err(e) = twe_core::files::write_workspace(dir, &got.dossiers) {
            panel.error = Some(e.message(self.shared.lang));
            return;
        }
        // The file by its name: the status bar has room for one path, the folder opened.
        let file = panel
            .file()
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let summary = |lang: Lang| {
            let imported = format!(
                "{} {} {file}",
                twe_core::lang::number(got.dossiers.len() as i64, lang),
                lang.pick("dossiers ingelezen uit", "dossiers imported from"),
            );
            if got.rows_failed() == 0 {
                imported
            } else {
                format!("{imported}; {}", got.unread(lang))
            }
        };
        let note = twe_core::lang::Text::new(summary(Lang::Nl), summary(Lang::En));
        self.import_done(dir, note);
    }

    /// Closes the import's preview and opens `dir`, saying `note` once it is read.
    fn import_done(&mut self, dir: &std::path::Path, note: twe_core::lang::Text) {
        // The columns chosen for this file's headers, first, for the next import.
        if let Some(panel) = self.import.take() {
            for choice in panel.choices() {
                self.column_choices
                    .retain(|c| c.sheet != choice.sheet || c.headers != choice.headers);
                self.column_choices.insert(0, choice);
            }
            self.column_choices.truncate(super::COLUMN_CHOICES);
        }
        self.open_workspace(dir);
        if let Some(opening) = &mut self.opening {
            opening.note = Some(note);
        }
    }

    /// Adds the previewed import's dossiers to the open workspace's folder and opens it
    /// again (guarded: unsaved work is asked about first by the caller's action); says each
    /// dossier kept as a copy because its id was taken.
    pub(super) fn import_add(&mut self) {
        let lang = self.shared.lang;
        let Some(dir) = self.shared.ws.root().map(std::path::Path::to_path_buf) else {
            if let Some(panel) = &mut self.import {
                panel.error = Some(
                    lang.pick(
                        "Deze werkmap is het ingebouwde voorbeeld: kies een nieuwe of lege map.",
                        "This workspace is the built-in sample: choose a new or empty folder.",
                    )
                    .to_string(),
                );
            }
            return;
        };
        if self.shared.ws.dirty_count() > 0 {
            if let Some(panel) = &mut self.import {
                panel.error = Some(
                    lang.pick(
                        "Bewaar eerst de gewijzigde dossiers: de werkmap wordt daarna opnieuw geopend.",
                        "Save the changed dossiers first: the workspace is opened again afterwards.",
                    )
                    .to_string(),
                );
            }
            return;
        }
        let Some(panel) = &mut self.import else {
            return;
        };
        panel.finish_reading(lang);
        // Ids the workspace has are shown side by side first; the second click adds.
        let ws = &self.shared.ws;
        let Some(choices) = panel.clash_choices().or_else(|| {
            // Next month's sheet of the whole caseload clashes on every id: looked up once.
            let by_id: std::collections::HashMap<&str, &Dossier> = ws
                .entries()
                .iter()
                .filter(|e| !e.is_deleted())
                .map(|e| (e.dossier().id.as_str(), e.dossier()))
                .collect();
            let mine = |id: &str| by_id.get(id).map(|d| (*d).clone());
            (!panel.ask_clashes(mine)).then(std::collections::HashMap::new)
        }) else {
            return;
        };
        let got = panel.imported();
        let on_clash = |id: &str| {
            choices
                .get(id)
                .copied()
                .unwrap_or(twe_core::files::OnClash::KeepBoth)
        };
        match twe_core::files::add_to_workspace(&dir, &got.dossiers, &on_clash) {
            Ok(added) => {
                let note = added_words(&added);
                self.import_done(&dir, note);
            }
            Err(e) => panel.error = Some(e.message(lang)),
        }
    }

    /// Writes the statistics as a workbook, as the view shows them (data, year, measure,
    /// shares) for its years or all, every figure after the gate, and asks where.
    pub(super) fn export_charts(&mut self, all_years: bool) {
        use super::super::stats_pages::{chart_of, source_figures};
        let lang = self.shared.lang;
        let choices = super::super::stats_pages::StatsChoices {
            up_to: if all_years {
                i32::MAX
            } else {
                self.stats.choices.up_to
            },
            ..self.stats.choices.clone()
        };
        let figures = source_figures(&self.shared.ws, &choices);
        let charts: Vec<_> = twe_core::stats::charts::ChartKind::ALL
            .iter()
            .map(|&k| chart_of(&figures, &choices, lang, k))
            .collect();
        let book = twe_documents::spreadsheet::StatsBook {
            figures: &figures,
            basis: choices.basis(),
            charts: &charts,
            lang,
        };
        let made = twe_documents::spreadsheet::stats_workbook(&book)
            .map(|bytes| Request::ExportXlsx {
                bytes,
                name: lang.pick("twe-cijfers.xlsx", "twe-figures.xlsx").into(),
            })
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// The slides as presented: every chart with the view's choices and the presenter's
    /// own words, their source line and highlight.
    fn slides(&self) -> (Vec<twe_core::stats::charts::Slide>, String) {
        use super::super::stats_pages::{current_slide, source_note};
        let lang = self.shared.lang;
        let choices = &self.stats.choices;
        let slides = twe_core::stats::charts::ChartKind::ALL
            .iter()
            .map(|&k| current_slide(&self.shared.ws, choices, lang, k))
            .collect();
        let at_chart = super::super::stats_pages::StatsChoices {
            page: super::super::stats_pages::Page::Chart(
                twe_core::stats::charts::ChartKind::PerProvince,
            ),
            ..choices.clone()
        };
        (slides, source_note(&self.shared.ws, &at_chart, lang))
    }

    /// Makes the chart slides as a PDF deck, as presented, and asks where to save it.
    pub(super) fn export_deck(&mut self) {
        let lang = self.shared.lang;
        let (slides, source) = self.slides();
        let deck = twe_documents::print::deck::Deck {
            slides: &slides,
            source: &source,
            highlight: self.stats.choices.highlight,
            lang,
        };
        let made = twe_documents::print::deck_pdf(&deck)
            .map(|bytes| Request::ExportPdf {
                bytes,
                name: lang.pick("twe-dias.pdf", "twe-slides.pdf").into(),
                note: None,
            })
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// Makes chart `kind`'s slide as a PNG (light, twice the deck's points: 1920×1080) and
    /// asks where to save it.
    pub(super) fn export_png(&mut self, kind: twe_core::stats::charts::ChartKind) {
        let lang = self.shared.lang;
        let (slides, source) = self.slides();
        let page = slides
            .iter()
            .position(|s| s.chart.kind == kind)
            .unwrap_or(0);
        let deck = twe_documents::print::deck::Deck {
            slides: &slides,
            source: &source,
            highlight: self.stats.choices.highlight,
            lang,
        };
        let made = twe_documents::print::slide_png(&deck, page, 2.0)
            .map(Request::ExportPng)
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }

    /// Makes the plan of entry `i` as a PDF and asks where to save it.
    pub(super) fn print_plan(&mut self, i: usize, client: bool) {
        let Some(entry) = self.shared.ws.entry(i) else {
            return;
        };
        let d = entry.dossier();
        let opts = twe_documents::print::PlanOptions {
            lang: self.shared.lang,
            today: self.shared.ws.today(),
            printed: chrono::Local::now().date_naive(),
            client_copy: client,
            year_mode: self.shared.ws.year_mode(),
        };
        let suffix = if client { "-client" } else { "" };
        let name = format!(
            "{}-plan{suffix}.pdf",
            twe_core::files::names::safe_stem(&d.id)
        );
        let made = twe_documents::print::plan(d, &opts)
            .map(|plan| Request::ExportPdf {
                bytes: plan.bytes,
                name,
                note: plan.missing.map(|letters| {
                    twe_core::lang::Text::new(
                        twe_documents::print::missing_letters_warning(&letters, Lang::Nl),
                        twe_documents::print::missing_letters_warning(&letters, Lang::En),
                    )
                }),
            })
            .map_err(|e| twe_core::lang::Text::from_fn(|lang| e.message(lang)));
        self.offer(made);
    }
}

/// What adding an import to the workspace did, in both languages: how many dossiers were
/// added, and what became of each id the workspace had.
fn added_words(added: &twe_core::files::Added) -> twe_core::lang::Text {
    let words = |lang: Lang| {
        let n = |x: usize| twe_core::lang::dossiers(x as i64, lang);
        let mut s = format!(
            "{} {}",
            n(added.files.len()),
            lang.pick("toegevoegd aan de werkmap", "added to the workspace")
        );
        let ids = |list: &mut dyn Iterator<Item = String>| list.collect::<Vec<_>>().join(", ");
        if !added.replaced.is_empty() {
            let names = ids(&mut added.replaced.iter().map(|p| {
                p.file_stem()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            }));
            s = format!(
                "{s}; {} {}: {names}",
                n(added.replaced.len()),
                lang.pick(
                    "vervangen door die uit het bestand (vorige versie als reservekopie)",
                    "replaced by the file's (previous version kept as the backup)"
                )
            );
        }
        if !added.kept_mine.is_empty() {
            s = format!(
                "{s}; {}: {}",
                lang.pick("eigen versie gehouden", "kept the workspace's"),
                ids(&mut added.kept_mine.iter().cloned())
            );
        }
        if !added.clashes.is_empty() {
            let kept = ids(&mut added
                .clashes
                .iter()
                .map(|(id, as_)| format!("{id} {} {as_}", lang.pick("als", "as"))));
            s = format!(
                "{s}; {}: {kept}",
                lang.pick("allebei gehouden", "both kept")
            );
        }
        for (id, why) in &added.refused {
            s = format!(
                "{s}; {id} {}: {}",
                lang.pick("niet vervangen", "not replaced"),
                why.get(lang)
            );
        }
        twe_core::lang::terminal_safe(&s).into_owned()
    };
    twe_core::lang::Text::new(words(Lang::Nl), words(Lang::En))
}

/// A spreadsheet being read for the import's preview.
pub(super) struct Reading {
    /// The file.
    file: PathBuf,
    /// What reading it gives, once read.
    done: std::sync::mpsc::Receiver<
        Result<twe_documents::spreadsheet::Source, twe_documents::spreadsheet::ReadError>,
    >,
}

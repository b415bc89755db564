//! File, Import spreadsheet…: a modal that shows how each column of each sheet was
//! recognised (and lets the user assign a header the import did not recognise), the rows
//! that cannot be read with their reason, and the new folder the dossiers go into. The
//! panel owns its preview; importing is an action the window carries out.

use super::action::{Action, Output, Request, Shell};
use super::cx::ViewCx;
use super::panel::Panel;
use crate::combo::Keys as _;
use std::path::{Path, PathBuf};
use twe_core::files::OnClash;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_documents::spreadsheet::{
    Column, ColumnChoice, Imported, Layout, Preview, SheetKind, Source, import,
};

/// How many unreadable rows the panel lists (the rest are counted).
const SHOWN_PROBLEMS: usize = 200;

/// How long a frame waits for the rows being read again before it shows that they are:
/// a sheet of a few thousand rows is read within it (the preview never flickers), a
/// caseload of a quarter of a million takes seconds, and the window stays responsive
/// meanwhile (it read them in the frame, and stood still for that long).
pub(crate) const READ_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// How many taken ids the panel shows side by side (the rest are counted, and the choice
/// for all applies to them): next month's sheet of a whole caseload takes every id.
const SHOWN_CLASHES: usize = 100;

/// The import being prepared.
pub struct ImportPanel {
    /// The spreadsheet file.
    file: PathBuf,
    /// How its sheets were understood (the user may reassign columns).
    preview: Preview,
    /// What an import would give with the current columns (the last complete reading
    /// while `reading`).
    imported: Imported,
    /// The rows being read again, on a thread of its own.
    reading: Option<std::sync::mpsc::Receiver<Imported>>,
    /// The columns changed again while they were: read once more when that reading ends
    /// (one reading at a time: each holds the import's memory and a core).
    again: bool,
    /// The new folder, as typed or chosen.
    pub folder: String,
    /// Why the last import attempt failed, if it did.
    pub error: Option<String>,
    /// The notes and problems as shown, worded once per import and language, not per frame
    /// (up to 400 messages, each made terminal-safe).
    lines: Option<(Lang, Lines)>,
    /// Once the user asked to add to the open workspace and some ids are taken: each such
    /// dossier, the workspace's beside the file's, with what to do; shown instead of the
    /// columns until added or sent back.
    clashes: Option<Vec<Clash>>,
    /// The sheets whose columns the user assigned, or that took the columns chosen at an
    /// earlier import of the same headers: kept for the next one.
    chosen: Vec<SheetKind>,
    /// Frames drawn so far: the first few ask for the next, so the modal settles at its
    /// size and place before the user's pointer moves (else it jumped on the first move,
    /// away from where the user was about to click).
    frames: u8,
}

impl ImportPanel {
    /// Prepares the import of `source`, read from `file`, proposing a folder beside it named
    /// after it ("caseload.xlsx" gives "caseload").
    pub fn new(file: PathBuf, source: Source, remembered: &[ColumnChoice]) -> Self {
        let mut preview = Preview::of(source);
        // Columns the user chose for these very headers before are chosen again.
        let mut chosen = Vec::new();
        for (layout, _) in &mut preview.sheets {
            if remembered.iter().any(|c| layout.take(c)) {
                chosen.push(layout.sheet);
            }
        }
        let folder = file.with_extension("").display().to_string();
        let mut panel = ImportPanel {
            file,
            preview,
            imported: Imported::default(),
            reading: None,
            again: false,
            folder,
            error: None,
            lines: None,
            clashes: None,
            chosen,
            frames: 0,
        };
        panel.read_again();
        panel
    }

    /// Reads the rows again with the current columns, on a thread of its own: at a quarter
    /// of a million rows that takes seconds, which the window spent standing still.
    fn read_again(&mut self) {
        self.lines = None;
        if self.reading.is_some() {
            self.again = true;
            return;
        }
        let preview = self.preview.clone();
        self.reading = Some(twe_core::beside::beside("twe-import-preview", move || {
            import(&preview)
        }));
    }

    /// Whether the rows are being read again.
    pub fn is_reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Takes the rows read again if they are ready within `wait` (a failure said in `lang`).
    fn take_reading(&mut self, wait: std::time::Duration, lang: Lang) {
        let Some(done) = &self.reading else {
            return;
        };
        match done.recv_timeout(wait) {
            Ok(imported) => {
                self.reading = None;
                self.lines = None;
                if std::mem::take(&mut self.again) {
                    // Read with columns changed since: read with the current ones.
                    self.read_again();
                } else {
                    self.imported = imported;
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            // The reading thread failed: nothing to import, and said.
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                self.reading = None;
                self.again = false;
                self.imported = Imported::default();
                self.lines = None;
                self.error = Some(
                    lang.pick(
                        "De rijen konden niet opnieuw gelezen worden; sluit dit venster en open het bestand opnieuw.",
                        "The rows could not be read again; close this window and open the file again.",
                    )
                    .into(),
                );
            }
        }
    }

    /// Waits for the rows being read again (an import asked for while they are).
    pub fn finish_reading(&mut self, lang: Lang) {
        while self.reading.is_some() {
            self.take_reading(std::time::Duration::from_secs(1), lang);
        }
    }

    /// The dossiers an import would write.
    pub fn imported(&self) -> &Imported {
        &self.imported
    }

    /// The columns the user chose (or took from an earlier import), per sheet, to keep for
    /// the next import of a sheet with the same headers.
    pub fn choices(&self) -> Vec<ColumnChoice> {
        self.preview
            .sheets
            .iter()
            .filter(|(l, _)| self.chosen.contains(&l.sheet))
            .map(|(l, _)| l.choice())
            .collect()
    }

    /// Finds the imported dossiers whose id the open workspace has (`mine` gives its
    /// dossier for an id) and shows them side by side, each to be kept both by default;
    /// answers whether there were any. Nothing is written until the user adds.
    pub fn ask_clashes(&mut self, mine: impl Fn(&str) -> Option<Dossier>) -> bool {
        let clashes: Vec<Clash> = self
            .imported
            .dossiers
            .iter()
            .filter_map(|theirs| mine(&theirs.id).map(|mine| Clash::new(mine, theirs.clone())))
            .collect();
        let any = !clashes.is_empty();
        self.clashes = any.then_some(clashes);
        any
    }

    /// What the user chose for each taken id, once asked ([`Self::ask_clashes`]).
    pub fn clash_choices(&self) -> Option<std::collections::HashMap<String, OnClash>> {
        self.clashes
            .as_ref()
            .map(|all| all.iter().map(|c| (c.id.clone(), c.choice)).collect())
    }

    /// Sets the choice for the clash at `k` (all of them for `None`).
    pub fn choose(&mut self, k: Option<usize>, choice: OnClash) {
        if let Some(all) = &mut self.clashes {
            for (i, c) in all.iter_mut().enumerate() {
                if k.is_none_or(|k| k == i) {
                    c.choice = choice;
                }
            }
        }
    }

    /// The spreadsheet file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Takes the header at `index` of `sheet` for `column` (or leaves it aside), and reads
    /// the rows again.
    pub fn assign(&mut self, sheet: SheetKind, index: usize, column: Option<Column>) {
        if let Some(layout) = self.preview.layout_mut(sheet) {
            layout.assign(index, column);
            if !self.chosen.contains(&sheet) {
                self.chosen.push(sheet);
            }
            self.read_again();
        }
    }

    /// Per sheet: each header and what it was taken for, in a combo box to change it.
    fn sheets_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let mut change = None;
        for (k, (layout, rows)) in self.preview.sheets.iter().enumerate() {
            let title = format!(
                "{} «{}»: {} {}",
                layout.sheet.name(lang),
                layout.name,
                rows.len(),
                lang.pick("rijen", "rows")
            );
            egui::CollapsingHeader::new(title)
                .id_salt(("import-sheet", k))
                .default_open(layout.sheet == SheetKind::Instruments)
                .show(ui, |ui| {
                    if let Some(c) = layout_ui(ui, layout, k, lang) {
                        change = Some((layout.sheet, c));
                    }
                });
        }
        if let Some((sheet, (index, column))) = change {
            self.assign(sheet, index, column);
        }
        if !self.chosen.is_empty() {
            ui.weak(lang.pick(
                "De gekozen kolommen worden onthouden voor het volgende bestand met dezelfde kolomkoppen.",
                "The columns chosen are remembered for the next file with the same headers.",
            ));
        }
        let found: Vec<SheetKind> = self.preview.sheets.iter().map(|(l, _)| l.sheet).collect();
        if self.preview.csv {
            ui.weak(lang.pick(
                "Een CSV-bestand bevat alleen de instrumenten: geen documenten, activiteiten of resultaat.",
                "A CSV file holds the instruments only: no documents, activities or outcome.",
            ));
        } else {
            let absent: Vec<&str> = SheetKind::ALL
                .iter()
                .filter(|s| !found.contains(s))
                .map(|s| s.name(lang))
                .collect();
            if !absent.is_empty() {
                ui.weak(format!(
                    "{}: {}",
                    lang.pick("Niet in het bestand", "Not in the file"),
                    absent.join(", ")
                ));
            }
        }
    }

    /// How many dossiers are ready and how many rows cannot be read.
    fn summary_ui(&self, ui: &mut egui::Ui, lang: Lang) {
        if self.is_reading() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.strong(lang.pick("De rijen worden gelezen…", "Reading the rows…"));
            });
            return;
        }
        let got = &self.imported;
        let count = |x: usize, nl, en| twe_core::lang::count(x as i64, lang, nl, en);
        ui.strong(format!(
            "{} {}; {} {} ({} {})",
            twe_core::lang::dossiers(got.dossiers.len() as i64, lang),
            lang.pick("klaar om in te lezen", "ready to import"),
            count(got.rows_failed(), ("rij", "rijen"), ("row", "rows")),
            lang.pick("niet leesbaar", "cannot be read"),
            twe_core::lang::dossiers(got.left_out as i64, lang),
            lang.pick("weggelaten", "left out"),
        ));
    }

    /// The rows that cannot be read, each with its reason, and the notes.
    fn problems_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.is_reading() {
            return;
        }
        if self.imported.problems.is_empty() {
            ui.weak(lang.pick("Elke rij is leesbaar.", "Every row can be read."));
        }
        if self
            .lines
            .as_ref()
            .is_none_or(|(worded, _)| *worded != lang)
        {
            self.lines = Some((lang, Lines::of(&self.imported, lang)));
        }
        let Some((_, lines)) = &self.lines else {
            return;
        };
        let warn =
            super::palette::severity(twe_core::rules::Severity::Warning, ui.visuals().dark_mode);
        for note in &lines.notes {
            ui.weak(note);
        }
        for problem in &lines.problems {
            ui.colored_label(warn, problem);
        }
        if let Some(more) = &lines.more_problems {
            ui.weak(more);
        }
    }

    /// The new folder and the buttons.
    fn folder_ui(&mut self, ui: &mut egui::Ui, lang: Lang, out: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let label = ui.label(lang.pick("Nieuwe of lege map", "New or empty folder"));
            ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(420.0))
                .labelled_by(label.id);
            if ui.button(lang.pick("Kiezen…", "Choose…")).clicked() {
                out.push(Action::Shell(Shell::Dialog(Request::ImportInto)));
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(
                super::palette::severity(twe_core::rules::Severity::Error, ui.visuals().dark_mode),
                e,
            );
        }
        ui.horizontal(|ui| {
            let folder = self.folder.trim();
            let some = !self.imported.dossiers.is_empty() && !self.is_reading();
            let ready = some && !folder.is_empty();
            // While the rows are read, no count: the last one is not what would be imported.
            let count = if self.is_reading() {
                "… dossiers".to_string()
            } else {
                twe_core::lang::dossiers(self.imported.dossiers.len() as i64, lang)
            };
            let label = format!(
                "{} {} {}",
                lang.pick("Importeer", "Import"),
                count,
                if self.imported.dossiers.len() == 1 {
                    lang.pick("en open het", "and open it")
                } else {
                    lang.pick("en open ze", "and open them")
                }
            );
            if ui.add_enabled(ready, egui::Button::new(label)).clicked() {
                out.push(Action::Output(Output::ImportInto(PathBuf::from(folder))));
            }
            // Or into the caseload already open: new ids added, a taken one kept as a copy.
            let add = format!(
                "{} {}",
                lang.pick("Toevoegen aan deze werkmap", "Add to this workspace"),
                count
            );
            if ui
                .add_enabled(some, egui::Button::new(add))
                .on_hover_text(lang.pick(
                    "Nieuwe dossiers komen erbij; voor een id dat de werkmap al heeft kiest u, naast elkaar, voor er iets geschreven wordt",
                    "New dossiers are added; for an id the workspace has you choose, side by side, before anything is written",
                ))
                .clicked()
            {
                out.push(Action::Output(Output::ImportAdd));
            }
            if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                out.push(Action::Output(Output::CloseImport));
            }
        });
    }
}

/// An imported dossier whose id the open workspace has.
struct Clash {
    /// The file's id.
    id: String,
    /// The facts compared, a line each (the workspace's, the file's), worded once per
    /// language, not per frame: a whole caseload may clash.
    facts: Vec<(&'static str, String, String)>,
    /// The language they are worded in, and the dossiers to word them again from.
    worded: (Lang, Dossier, Dossier),
    /// What to do.
    choice: OnClash,
}

impl Clash {
    fn new(mine: Dossier, theirs: Dossier) -> Clash {
        // Worded when first shown, not here: most of a whole caseload is never shown.
        Clash {
            id: theirs.id.clone(),
            facts: Vec::new(),
            worded: (Lang::Nl, mine, theirs),
            choice: OnClash::KeepBoth,
        }
    }

    /// Words the facts in `lang`, if they are not yet.
    fn word(&mut self, lang: Lang) {
        if self.worded.0 == lang && !self.facts.is_empty() {
            return;
        }
        let (mine, theirs) = (facts(&self.worded.1, lang), facts(&self.worded.2, lang));
        self.facts = mine
            .into_iter()
            .zip(theirs)
            .map(|((field, a), (_, b))| (field, a, b))
            .collect();
        self.worded.0 = lang;
    }
}

/// What a counsellor compares of two versions of a dossier, a line per fact: the client,
/// where and by whom, the dates, each instrument, and how many documents, activities and
/// notes (the notes by their latest day, never their words).
fn facts(d: &Dossier, lang: Lang) -> Vec<(&'static str, String)> {
    let date = |x: Option<chrono::NaiveDate>| {
        x.map_or_else(|| "–".to_string(), |x| twe_core::lang::date(x, lang))
    };
    let safe = |s: &str| twe_core::lang::terminal_safe(s).into_owned();
    let instruments = if d.instruments.is_empty() {
        lang.pick("geen", "none").to_string()
    } else {
        d.instruments
            .iter()
            .map(|i| {
                format!(
                    "{} {}–{}",
                    safe(&i.label(lang)),
                    twe_core::lang::date(i.start, lang),
                    twe_core::lang::date(i.end, lang)
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let latest = d.notes.iter().map(|n| n.date).max();
    let notes = match latest {
        None => "0".to_string(),
        Some(day) => format!(
            "{} ({} {})",
            d.notes.len(),
            lang.pick("laatste", "latest"),
            twe_core::lang::date(day, lang)
        ),
    };
    vec![
        (lang.pick("Cliënt", "Client"), safe(&d.client)),
        ("OCMW", safe(&d.ocmw)),
        (
            lang.pick("Begeleider", "Counsellor"),
            d.counsellor
                .as_deref()
                .map_or_else(|| "–".to_string(), safe),
        ),
        (lang.pick("Start", "Start"), date(Some(d.start))),
        (lang.pick("Einde", "End"), date(d.end)),
        (lang.pick("Instrumenten", "Instruments"), instruments),
        (
            lang.pick("Documenten", "Documents"),
            d.documents.len().to_string(),
        ),
        (
            lang.pick("Activiteiten", "Activities"),
            d.activities.len().to_string(),
        ),
        (lang.pick("Notities", "Notes"), notes),
    ]
}

/// One taken id: the workspace's version beside the file's, a line per fact, what differs
/// in strong type and marked.
fn clash_grid(ui: &mut egui::Ui, clash: &Clash, k: usize, lang: Lang) {
    egui::Grid::new(("import-clash", k))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.strong(lang.pick("In de werkmap", "In the workspace"));
            ui.strong(lang.pick("In het bestand", "In the file"));
            ui.end_row();
            for (field, a, b) in &clash.facts {
                if a == b {
                    ui.weak(*field);
                    ui.label(a);
                    ui.label(b);
                } else {
                    // What differs stands out: the reason to choose.
                    ui.strong(format!("{field} *"));
                    ui.strong(a);
                    ui.strong(b);
                }
                ui.end_row();
            }
        });
}

impl ImportPanel {
    /// The taken ids side by side, each with its three choices, and the buttons.
    fn clashes_ui(&mut self, ui: &mut egui::Ui, lang: Lang, out: &mut Vec<Action>) {
        let Some(all) = &mut self.clashes else {
            return;
        };
        for c in all.iter_mut().take(SHOWN_CLASHES) {
            c.word(lang);
        }
        let all = &*all;
        let n = all.len();
        let (nl, en) = if n == 1 {
            ("staat", "is")
        } else {
            ("staan", "are")
        };
        ui.label(format!(
            "{} {} {}. {}",
            twe_core::lang::dossiers(n as i64, lang),
            lang.pick("uit het bestand", "from the file"),
            lang.pick(
                &format!("{nl} al in deze werkmap"),
                &format!("{en} in this workspace already")
            ),
            lang.pick(
                "Kies per dossier; niets wordt geschreven voor u toevoegt.",
                "Choose for each; nothing is written until you add.",
            )
        ));
        let mut chosen: Option<(Option<usize>, OnClash)> = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.pick("Voor allemaal:", "For all:"));
            for c in OnClash::ALL {
                if ui.button(c.label(lang)).clicked() {
                    chosen = Some((None, c));
                }
            }
        });
        let max = (ui.ctx().content_rect().height() - 230.0).max(140.0);
        egui::ScrollArea::vertical()
            .id_salt("import-clashes")
            .max_height(max)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (k, clash) in all.iter().enumerate().take(SHOWN_CLASHES) {
                    ui.separator();
                    ui.strong(twe_core::lang::terminal_safe(&clash.id));
                    clash_grid(ui, clash, k, lang);
                    ui.horizontal_wrapped(|ui| {
                        for c in OnClash::ALL {
                            let r = ui.radio(clash.choice == c, c.label(lang));
                            if r.clicked() {
                                chosen = Some((Some(k), c));
                            }
                        }
                    });
                }
                if n > SHOWN_CLASHES {
                    ui.separator();
                    ui.weak(format!(
                        "… {} {}",
                        twe_core::lang::dossiers((n - SHOWN_CLASHES) as i64, lang),
                        lang.pick(
                            "meer: de keuze «Voor allemaal» geldt ook voor hen (standaard: allebei houden)",
                            "more: the choice «For all» applies to them too (by default: keep both)"
                        )
                    ));
                }
            });
        if let Some((k, c)) = chosen {
            self.choose(k, c);
        }
        ui.weak(lang.pick(
            "* verschilt. «Die uit het bestand nemen» overschrijft het dossier in de werkmap (de vorige versie blijft als reservekopie; de notities, en documenten, activiteiten of resultaat die het bestand niet heeft, blijven); «Allebei houden» voegt het toe als ID-kopie-N.",
            "* differs. «Take the file's» overwrites the workspace's dossier (its previous version is kept as the backup; its notes, and documents, activities or outcome the file lacks, stay); «Keep both» adds it as ID-kopie-N.",
        ));
        if let Some(e) = &self.error {
            ui.colored_label(
                super::palette::severity(twe_core::rules::Severity::Error, ui.visuals().dark_mode),
                e,
            );
        }
        ui.horizontal_wrapped(|ui| {
            if ui.button(lang.pick("Toevoegen", "Add")).clicked() {
                out.push(Action::Output(Output::ImportAdd));
            }
            if ui
                .button(lang.pick("Terug naar de kolommen", "Back to the columns"))
                .clicked()
            {
                self.clashes = None;
            }
            if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                out.push(Action::Output(Output::CloseImport));
            }
        });
    }
}

/// The preview's notes and problems as text: the first [`SHOWN_PROBLEMS`] of each, then
/// how many more.
struct Lines {
    notes: Vec<String>,
    problems: Vec<String>,
    more_problems: Option<String>,
}

impl Lines {
    fn of(imported: &Imported, lang: Lang) -> Lines {
        let more = |n: usize| {
            format!(
                "… {} {}",
                twe_core::lang::number(n as i64, lang),
                lang.pick("meer", "more")
            )
        };
        // Headers are shown in the grid with "(left aside)"; the other notes here.
        let notes: Vec<&twe_documents::spreadsheet::Note> = imported
            .notes
            .iter()
            .filter(|n| !matches!(n, twe_documents::spreadsheet::Note::Header(..)))
            .collect();
        let mut note_lines: Vec<String> = notes
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|n| n.message(lang))
            .collect();
        if notes.len() > SHOWN_PROBLEMS {
            note_lines.push(more(notes.len() - SHOWN_PROBLEMS));
        }
        Lines {
            notes: note_lines,
            problems: imported
                .problems
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|p| p.message(lang))
                .collect(),
            more_problems: (imported.problems.len() > SHOWN_PROBLEMS)
                .then(|| more(imported.problems.len() - SHOWN_PROBLEMS)),
        }
    }
}

/// A column's letters as a spreadsheet shows them: 0 is A, 25 is Z, 26 is AA.
fn column_letters(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(i % 26).unwrap_or(0)));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// A sheet's headers, each with a combo box of what it is taken for; answers a change.
fn layout_ui(
    ui: &mut egui::Ui,
    layout: &Layout,
    sheet: usize,
    lang: Lang,
) -> Option<(usize, Option<Column>)> {
    let mut change = None;
    let aside = lang.pick("(overgeslagen)", "(left aside)");
    let missing = layout.missing();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|c| c.header(lang)).collect();
        ui.colored_label(
            super::palette::severity(twe_core::rules::Severity::Error, ui.visuals().dark_mode),
            format!(
                "{}: {} — {}",
                lang.pick("Ontbreekt", "Missing"),
                names.join(", "),
                lang.pick(
                    "kies hieronder welke kolom het is",
                    "choose below which column it is"
                )
            ),
        );
    }
    egui::Grid::new(("import-columns", sheet))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.strong(lang.pick("Kolom in het bestand", "Column in the file"));
            ui.strong(lang.pick("Gelezen als", "Read as"));
            ui.end_row();
            for (i, header) in layout.headers.iter().enumerate() {
                let current = layout.columns.get(i).copied().flatten();
                // A column without a header cell is named by its letter.
                let label = if header.trim().is_empty() {
                    ui.weak(format!(
                        "({} {})",
                        lang.pick("kolom", "column"),
                        column_letters(i)
                    ))
                } else {
                    ui.label(twe_core::lang::terminal_safe(header))
                };
                let mut chosen = current;
                egui::ComboBox::from_id_salt(("import-column", sheet, i))
                    .selected_text(current.map_or(aside, |c| c.header(lang)))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut chosen, None, aside);
                        for c in layout.sheet.columns() {
                            ui.selectable_value(&mut chosen, Some(*c), c.header(lang));
                        }
                    })
                    .keys(ui)
                    .labelled_by(label.id);
                if chosen != current {
                    change = Some((i, chosen));
                }
                ui.end_row();
            }
        });
    change
}

impl Panel for ImportPanel {
    /// Draws the modal; pushes [`Output::ImportInto`], [`Output::CloseImport`] or a folder
    /// dialog.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let (ctx, lang) = (ui.ctx().clone(), cx.lang);
        self.take_reading(READ_WAIT, lang);
        if self.is_reading() {
            // Look again soon: the spinner turns, and the rows show once read.
            ctx.request_repaint();
        }
        if self.frames < 3 {
            self.frames += 1;
            ctx.request_repaint();
        }
        let modal = egui::Modal::new(egui::Id::unique("import-spreadsheet")).show(&ctx, |ui| {
            ui.set_max_width(720.0);
            ui.heading(lang.pick("Spreadsheet importeren", "Import spreadsheet"));
            // The file by its name, its folder on hover: a share's path can fill the line.
            let name = self
                .file
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            ui.label(name)
                .on_hover_text(self.file.display().to_string());
            if self.clashes.is_some() {
                self.clashes_ui(ui, lang, out);
                return;
            }
            let max = (ui.ctx().content_rect().height() - 260.0).max(160.0);
            egui::ScrollArea::vertical()
                .max_height(max)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    self.sheets_ui(ui, lang);
                    ui.separator();
                    self.problems_ui(ui, lang);
                });
            ui.separator();
            self.summary_ui(ui, lang);
            self.folder_ui(ui, lang, out);
        });
        // Esc closes; a click beside the preview does not: it would throw away the columns
        // the user assigned.
        let escape = modal.is_top_modal
            && !modal.any_popup_open
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        if escape {
            out.push(Action::Output(Output::CloseImport));
        }
    }
}

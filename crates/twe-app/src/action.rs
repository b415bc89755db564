//! What the panels ask for. A panel never changes the workspace or the window while it draws:
//! it pushes an [`Action`], and the window applies every action of a frame once, after
//! drawing. The actions only the platform can carry out (close the window, open a file
//! dialog, go full screen, take a screenshot) the window passes on to the eframe shell.

use super::cx::View;
use chrono::NaiveDate;
use std::path::PathBuf;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_core::workspace::EditKey;

/// A file dialog the shell opens after the frame (dialogs block, so never from drawing
/// code, and never in tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Pick a workspace folder.
    OpenFolder,
    /// Pick one dossier file.
    OpenFile,
    /// Pick a file to save entry `usize` as.
    SaveAs(usize),
    /// Pick a folder for the dossiers that have no file yet (the sample, new ones).
    SaveUnfiled,
    /// Pick the folder entry `usize`, which has no file and no workspace folder to go to
    /// (a dossier of the sample), is saved into: its file is named after its id there.
    SaveInto(usize),
    /// Pick a file to write this CSV to.
    ExportCsv(String),
    /// Pick a file to write this PNG image to.
    ExportPng(Vec<u8>),
    /// Pick a file to write this calendar (iCalendar text) to.
    ExportIcs(String),
    /// Pick a spreadsheet (.xlsx or .csv) to import.
    ImportSpreadsheet,
    /// Pick the new or empty folder an import goes into.
    ImportInto,
    /// Pick a file to write this workbook (.xlsx) to, proposing `name`.
    ExportXlsx {
        /// The workbook.
        bytes: Vec<u8>,
        /// The file name proposed.
        name: String,
    },
    /// Pick a file to write this PDF to, proposing `name`; it opens in the system's viewer
    /// afterwards (from where it is printed).
    ExportPdf {
        /// The document.
        bytes: Vec<u8>,
        /// The file name proposed.
        name: String,
        /// What to say with "Saved:" once written (the letters a plan's font lacks).
        note: Option<twe_core::lang::Text>,
    },
}

impl Request {
    /// Whether the chosen path is written to (so an existing file there is replaced only
    /// after asking).
    pub fn writes(&self) -> bool {
        // A folder is written into, but only new files (named after the ids, never over
        // an existing file; an import's only when new or empty): nothing is ever replaced
        // there, so there is nothing to ask.
        !matches!(
            self,
            Request::OpenFolder
                | Request::OpenFile
                | Request::ImportSpreadsheet
                | Request::ImportInto
                | Request::SaveUnfiled
                | Request::SaveInto(_)
        )
    }

    /// Whether the chosen path gets a document (a CSV, an image, a calendar, a workbook, a
    /// PDF), which never takes a dossier's place.
    pub fn is_document(&self) -> bool {
        matches!(
            self,
            Request::ExportCsv(_)
                | Request::ExportPng(_)
                | Request::ExportIcs(_)
                | Request::ExportXlsx { .. }
                | Request::ExportPdf { .. }
        )
    }

    /// The file name a dialog proposes, in the window's language.
    pub fn default_name(&self, lang: Lang) -> &'static str {
        match self {
            Request::ExportCsv(_) => lang.pick("twe-cijfers.csv", "twe-figures.csv"),
            Request::ExportPng(_) => lang.pick("twe-grafiek.png", "twe-chart.png"),
            Request::ExportIcs(_) => "twe-agenda.ics",
            Request::ExportXlsx { .. } => "twe-caseload.xlsx",
            Request::ExportPdf { .. } => "trajectplan.pdf",
            Request::SaveAs(_) => "dossier.ron",
            Request::OpenFolder
            | Request::OpenFile
            | Request::SaveUnfiled
            | Request::SaveInto(_)
            | Request::ImportSpreadsheet
            | Request::ImportInto => "",
        }
    }
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Close the window.
    Quit,
    /// Open this workspace.
    Open(PathBuf),
    /// Open a file dialog.
    Dialog(Request),
}

/// A question the window is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// There are unsaved changes; then do `Pending`.
    Unsaved(Pending),
    /// Entry `usize`'s file changed on disk since it was loaded: overwrite?
    ChangedOnDisk(usize),
    /// A previous session left this many unsaved dossiers in the recovery journal.
    Recover(usize),
    /// Entry `usize` was edited here and its file changed on disk: keep, take or save elsewhere.
    Conflict(usize),
    /// Delete entry `usize` with its file?
    Delete(usize),
    /// Entry `entry` is being edited by a window that seems gone: take its lock over?
    TakeOver {
        /// The entry.
        entry: usize,
        /// Who held it, where and since when.
        who: String,
    },
    /// Entry `entry`'s file may not be written over (read-only, a link): save elsewhere?
    SaveElsewhere {
        /// The entry.
        entry: usize,
        /// Why, naming the file.
        why: String,
    },
}

/// One thing a panel, a shortcut or the shell asks the window to do, by group: the window
/// hands each group to the one place that handles it (`window`, `files`, `documents`), and
/// each of those matches every variant of its group, so a new action cannot be dropped
/// unnoticed.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Selection and navigation.
    Select(Select),
    /// Edits.
    Edit(Edit),
    /// Files.
    File(File),
    /// Documents: print, exports, import.
    Output(Output),
    /// The window's settings and layout.
    Setting(Setting),
    /// For the shell.
    Shell(Shell),
}

/// What is selected and shown: a dossier, an instrument, a finding, a view.
#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "a handful of actions a frame; boxing the previewed dossier would buy nothing"
)]
pub enum Select {
    /// Open entry `usize` in the dossier view.
    OpenEntry(usize),
    /// Select an instrument of the open dossier, or none.
    SelectInstrument(Option<usize>),
    /// A click on the timeline: select this instrument (or none), and no finding.
    SelectBar(Option<usize>),
    /// Select finding `usize` of the open dossier, and its first instrument.
    SelectFinding(usize),
    /// Select the next (1) or previous (−1) finding, wrapping around.
    StepFinding(i64),
    /// Show another central view.
    SetView(View),
    /// Put the keyboard in the dossier list's search (Ctrl+F), showing the list.
    FocusSearch,
    /// Open entry `entry` on what an agenda item or an overdue finding is about.
    OpenItem {
        /// The entry.
        entry: usize,
        /// The instrument to select, if any.
        instrument: Option<usize>,
        /// The finding to select (index into the entry's findings), if any.
        finding: Option<usize>,
    },
    /// Show what a quick fix would make of the open dossier on the timeline (or stop).
    PreviewFix(Option<Dossier>),
}

impl Action {
    /// Whether the action changes the workspace or its files (refused while a folder is
    /// read): every edit, and the file actions that save or take a version.
    pub fn changes_the_workspace(&self) -> bool {
        match self {
            Action::Edit(_) => true,
            Action::File(f) => f.changes_the_workspace(),
            Action::Select(_) | Action::Output(_) | Action::Setting(_) | Action::Shell(_) => false,
        }
    }
}

impl File {
    /// Whether it saves, or takes one version of a file over another.
    pub fn changes_the_workspace(&self) -> bool {
        match self {
            File::Save
            | File::SaveAll
            | File::SaveOver(_)
            | File::SaveAs(..)
            | File::SaveUnfiledInto(_)
            | File::SaveAllThen(_)
            | File::DiscardThen(_)
            | File::KeepMine(_)
            | File::TakeTheirs(_)
            | File::RestoreJournal
            | File::DiscardJournal => true,
            File::Guard(_)
            | File::OpenWorkspace(_)
            | File::CancelOpening
            | File::DiskChanged(_)
            | File::FolderUnreachable(_)
            | File::FolderReachable
            | File::PathChosen(..)
            | File::AskPath { .. } => false,
        }
    }
}

impl From<Select> for Action {
    fn from(a: Select) -> Self {
        Action::Select(a)
    }
}

/// Changes to the workspace's dossiers, each undoable (or asking first), and the reference
/// date they are checked on.
#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "a handful of actions a frame; boxing the edited dossier would buy nothing"
)]
pub enum Edit {
    /// Replace entry `entry`'s dossier as one undoable edit.
    Replace {
        /// The entry edited.
        entry: usize,
        /// The dossier after the edit.
        dossier: Dossier,
        /// Whether it merges with the edit before (typing in one field).
        key: EditKey,
    },
    /// Undo the last edit and follow it to its dossier.
    Undo,
    /// Redo the last undone edit and follow it to its dossier.
    Redo,
    /// Add a new, empty dossier and open it.
    NewDossier,
    /// Add a copy of entry `usize` as a new unsaved dossier (id `ID-kopie-N`) and open it.
    CopyDossier(usize),
    /// Ask whether to delete entry `usize`.
    AskDelete(usize),
    /// Delete entry `usize` with its file, backup and lock (the user said yes).
    DeleteDossier(usize),
    /// Set the reference date (re-checks every dossier once).
    SetToday(NaiveDate),
    /// Ask whether to take over another window's stale lock of entry `usize`.
    AskTakeOver(usize),
    /// Take over another window's stale lock of entry `usize` (the user said yes).
    TakeOverLock(usize),
}

impl From<Edit> for Action {
    fn from(a: Edit) -> Self {
        Action::Edit(a)
    }
}

/// Saving, opening, files changed on disk, and the answers to questions about them.
#[derive(Clone, Debug, PartialEq)]
pub enum File {
    /// Save the open dossier.
    Save,
    /// Save every changed dossier.
    SaveAll,
    /// Save entry `usize` over its file even though it changed on disk.
    SaveOver(usize),
    /// Save entry `usize` to this file (a dialog's answer).
    SaveAs(usize, PathBuf),
    /// Save every dossier without a file into this folder (a dialog's answer).
    SaveUnfiledInto(PathBuf),
    /// Do this, asking first about unsaved changes.
    Guard(Pending),
    /// Open the workspace at this path now (no questions asked).
    OpenWorkspace(PathBuf),
    /// Stop opening the folder being read and go back to the workspace from before.
    CancelOpening,
    /// Files changed on disk (the shell's watcher or sweep saw them).
    DiskChanged(Vec<PathBuf>),
    /// The workspace folder cannot be reached (the sweep's error, in the system's words).
    FolderUnreachable(String),
    /// The workspace folder can be reached again.
    FolderReachable,
    /// A path was chosen for a request (in the system's dialog or typed by the user).
    PathChosen(Request, PathBuf),
    /// The system's file dialog cannot open: ask for the path in the window instead.
    AskPath {
        /// What the path is for.
        request: Request,
        /// Why the system's dialog did not open.
        why: String,
    },
    /// Save everything, then do this if nothing is left unsaved.
    SaveAllThen(Pending),
    /// Throw unsaved changes away, then do this.
    DiscardThen(Pending),
    /// Keep the edited version of entry `usize` over its changed file.
    KeepMine(usize),
    /// Take the changed file of entry `usize` over the edited version.
    TakeTheirs(usize),
    /// Put the journal's unsaved work back.
    RestoreJournal,
    /// Throw the journal's unsaved work away.
    DiscardJournal,
}

impl From<File> for Action {
    fn from(a: File) -> Self {
        Action::File(a)
    }
}

/// What goes out of the window or comes in from elsewhere: print, exports, import.
#[derive(Clone, Debug, PartialEq)]
pub enum Output {
    /// Write the listed dossiers as a workbook (the four sheets) and ask where.
    ExportCaseload,
    /// Import the spreadsheet being previewed into this new or empty folder, then open it.
    ImportInto(PathBuf),
    /// Add the spreadsheet being previewed to the open workspace's folder (an id it has is
    /// kept too, as ID-kopie-N), then open it again.
    ImportAdd,
    /// Close the import preview without importing.
    CloseImport,
    /// Write the statistics view's charts as a workbook (one sheet per chart, the chosen
    /// data and measure; the visible years, or all) and ask where.
    ExportCharts {
        /// Every year, not only those up to the slider's.
        all_years: bool,
    },
    /// Make the chart slides as a PDF deck, as they are presented (the statistics view's
    /// choices and the presenter's own words), and ask where to save it.
    ExportDeck,
    /// Make this chart's slide as a PNG image (light, 1920×1080) and ask where to save it.
    ExportPng(twe_core::stats::charts::ChartKind),
    /// Make the plan of entry `entry` as a PDF (the client's copy when `client`) and ask
    /// where to save it.
    PrintPlan {
        /// The entry.
        entry: usize,
        /// The client's copy, without findings.
        client: bool,
    },
}

impl From<Output> for Action {
    fn from(a: Output) -> Self {
        Action::Output(a)
    }
}

/// The window itself: language, theme, panels, help, the presentation, the status line,
/// who "I" am.
#[derive(Clone, Debug, PartialEq)]
pub enum Setting {
    /// Switch the UI language.
    SetLang(Lang),
    /// Dark or light theme.
    SetDark(bool),
    /// Show or hide the dossier list.
    ShowList(bool),
    /// Show or hide the editor.
    ShowEditor(bool),
    /// Open or close the help window.
    ToggleHelp,
    /// Start or leave the presentation (the shell goes full screen).
    Present(bool),
    /// Say this in the status bar (in both languages).
    Status(twe_core::lang::Text),
    /// Remember who "I" am, for "my clients" (`None` forgets).
    SetMe(Option<String>),
}

impl From<Setting> for Action {
    fn from(a: Setting) -> Self {
        Action::Setting(a)
    }
}

/// What only the platform can do: file dialogs, closing, full screen. The window passes
/// these to the eframe shell.
#[derive(Clone, Debug, PartialEq)]
pub enum Shell {
    /// Open this file dialog.
    Dialog(Request),
    /// Close the window now (unsaved changes were dealt with).
    Quit,
    /// Go full screen (the presentation) or back.
    FullScreen(bool),
}

impl From<Shell> for Action {
    fn from(a: Shell) -> Self {
        Action::Shell(a)
    }
}

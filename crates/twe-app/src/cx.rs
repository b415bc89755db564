//! What every panel reads and none may change: the workspace, the selection, the language,
//! the theme and the window's layout. A panel changes things only by emitting
//! [`super::Action`]s, which the window applies after drawing.

use super::rows::ListCache;
use std::path::PathBuf;
use twe_core::lang::Lang;
use twe_core::model::Dossier;
use twe_core::workspace::{Entry, Workspace};

/// Which central view is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One dossier: Gantt timeline, editor and findings.
    Dossier,
    /// Every dossier of the list on one shared timeline.
    Caseload,
    /// The published figures and the workspace's, as charts.
    Statistics,
    /// What must be done, and by when, in the listed dossiers.
    Agenda,
}

/// The current selection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The open dossier (index into the workspace).
    pub entry: Option<usize>,
    /// The selected instrument of that dossier.
    pub instrument: Option<usize>,
    /// The selected finding of that dossier (index into its findings).
    pub finding: Option<usize>,
}

/// How the window is laid out and looks; the menu's *View* choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The central view.
    pub view: View,
    /// Dark or light theme.
    pub dark: bool,
    /// Whether the dossier list panel is shown.
    pub show_list: bool,
    /// Whether the dossier editor panel is shown.
    pub show_editor: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Self {
            view: View::Dossier,
            dark: true,
            show_list: true,
            show_editor: true,
        }
    }
}

/// The read-only context a panel draws from.
#[derive(Clone, Copy)]
pub struct ViewCx<'a> {
    /// The open workspace.
    pub ws: &'a Workspace,
    /// What is selected.
    pub sel: Selection,
    /// The UI language.
    pub lang: Lang,
    /// The view, theme and shown panels.
    pub layout: Layout,
    /// Recently opened workspaces, newest first.
    pub recent: &'a [PathBuf],
    /// The last message for the status bar.
    pub status: Option<&'a str>,
    /// What a quick fix under the pointer would make of the open dossier.
    pub preview: Option<&'a Dossier>,
    /// How far the folder being opened is read, while it is.
    pub loading: Option<twe_core::workspace::loading::Status>,
    /// Who "I" am: the counsellor "my clients" are filtered on.
    pub me: Option<&'a str>,
    /// The items due this week in the listed dossiers, where the list is filtered (the
    /// agenda shows those): the status bar counts them instead of the workspace's.
    pub due_listed: Option<usize>,
    /// The dossiers the list shows (its search and filters), for the views of the listed
    /// dossiers (the caseload, the agenda); none for the panels drawn before the list.
    pub listed: Option<&'a ListCache>,
}

impl<'a> ViewCx<'a> {
    /// The open dossier's entry, with its index.
    pub fn open_entry(&self) -> Option<(usize, &'a Entry)> {
        let i = self.sel.entry?;
        self.ws.entry(i).map(|e| (i, e))
    }

    /// The open dossier as saved in the workspace (not a drag's preview).
    pub fn open_dossier(&self) -> Option<&'a Dossier> {
        self.open_entry().map(|(_, e)| e.dossier())
    }

    /// Whether the dark theme is on.
    pub fn dark(&self) -> bool {
        self.layout.dark
    }
}

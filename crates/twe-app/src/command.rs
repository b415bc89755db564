//! Every command of the window in one place, as Rerun's `UICommand`: its label and help in
//! both languages, its keys and where they work. The menu, the window's shortcuts, the
//! panels' own keys (a bar of the timeline, the calendar, the presentation), F1 and the
//! hints in the panels all read from here; a test holds that no two commands that can be
//! pressed in the same place share a key.

use super::action::{Action, Edit, File, Output, Pending, Request, Select, Setting, Shell};
use super::cx::{View, ViewCx};
use egui::{Key, KeyboardShortcut, Modifiers};
use twe_core::lang::{Lang, Text};

/// Where a command's keys work. The window's keys are read before any panel draws, so they
/// work everywhere; the others only where their panel has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Anywhere in the window (and in the menus).
    Window,
    /// While a menu or other pop-up is open.
    Menu,
    /// In the dossier list, when no field or bar has the keyboard.
    List,
    /// On a bar of the timeline that has the keyboard.
    Bar,
    /// In an open calendar of a date field.
    Calendar,
    /// In the presentation.
    Presentation,
}

impl Scope {
    /// Every scope, in the order F1 lists them.
    pub const ALL: [Scope; 6] = [
        Scope::Window,
        Scope::Menu,
        Scope::List,
        Scope::Bar,
        Scope::Calendar,
        Scope::Presentation,
    ];

    /// The heading F1 gives the scope's keys.
    pub fn title(self) -> Text {
        match self {
            Scope::Window => Text::fixed("Overal", "Anywhere"),
            Scope::Menu => Text::fixed("In een open menu", "In an open menu"),
            Scope::List => Text::fixed("In de dossierlijst", "In the dossier list"),
            Scope::Bar => Text::fixed(
                "Op een balk van de tijdlijn (klik erop of ga er met Tab naartoe)",
                "On a bar of the timeline (click it or Tab to it)",
            ),
            Scope::Calendar => {
                Text::fixed("In de kalender van een datumveld", "In a date's calendar")
            }
            Scope::Presentation => Text::fixed("In de presentatie", "In the presentation"),
        }
    }
}

/// Declares the commands and [`Command::ALL`] from one list, so that no command can be
/// left out of the menu's, the shortcuts' and F1's iteration.
macro_rules! commands {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// One command. The order is the order of F1 within each scope.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Command {
            $($(#[$doc])* $name,)*
        }

        impl Command {
            /// Every command.
            pub const ALL: &'static [Command] = &[$(Command::$name,)*];
        }
    };
}

commands! {
    // The window.
    OpenFolder,
    OpenFile,
    NewDossier,
    Save,
    SaveAll,
    SaveAs,
    ImportSpreadsheet,
    ExportCaseload,
    PrintPlan,
    PrintClientPlan,
    Quit,
    Undo,
    Redo,
    DeleteDossier,
    NextFinding,
    PreviousFinding,
    ApplyFix,
    AddNote,
    ShowDossier,
    ShowCaseload,
    ShowStatistics,
    ShowAgenda,
    Present,
    Help,
    Find,
    FocusNext,
    FocusPrevious,
    // An open menu.
    CloseMenu,
    // The dossier list.
    ListPrevious,
    ListNext,
    ListPageUp,
    ListPageDown,
    ListFirst,
    ListLast,
    // A bar of the timeline.
    BarDayEarlier,
    BarDayLater,
    BarWeekEarlier,
    BarWeekLater,
    BarMonthEarlier,
    BarMonthLater,
    BarStart,
    BarEnd,
    BarWhole,
    BarAbove,
    BarBelow,
    BarDelete,
    BarAdd,
    // The calendar.
    DayEarlier,
    DayLater,
    WeekEarlier,
    WeekLater,
    MonthEarlier,
    MonthLater,
    YearEarlier,
    YearLater,
    PickDay,
    CloseCalendar,
    // The presentation.
    SlidePrevious,
    SlideNext,
    YearUp,
    YearDown,
    BlackScreen,
    WhiteScreen,
    LeavePresentation,
}

/// What the registry knows of a command.
pub struct Spec {
    /// Where its keys work.
    pub scope: Scope,
    /// Its name, as on a menu item or a button.
    pub label: Text,
    /// What it does, for the tooltip and F1.
    pub help: Text,
    /// Its keys, the one shown first.
    pub keys: &'static [KeyboardShortcut],
    /// Who carries it out.
    pub by: By,
}

/// Who carries a command out when its key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The window, through [`Command::action`] (or the panel of its scope).
    Window,
    /// A panel, which takes the key itself (the findings' quick fix).
    Panel,
    /// egui itself (moving the focus): listed in F1, never taken.
    Egui,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Command {
    /// Everything the registry knows of the command, made once.
    pub fn spec(self) -> &'static Spec {
        static SPECS: std::sync::OnceLock<Vec<Spec>> = std::sync::OnceLock::new();
        let specs = SPECS.get_or_init(|| Command::ALL.iter().map(|c| c.make_spec()).collect());
        // `ALL` lists the commands in the order they are declared, as `commands!` writes both.
        &specs[self as usize]
    }

    /// Everything the registry knows of the command: one arm per command holds it all.
    #[expect(
        clippy::too_many_lines,
        reason = "the registry: one arm per command with its label, help and keys"
    )]
    fn make_spec(self) -> Spec {
        use Command as C;
        let spec = |scope, label: Text, help: Text, keys: &'static [KeyboardShortcut]| Spec {
            scope,
            label,
            help,
            keys,
            by: By::Window,
        };
        let window = |label, help, keys| spec(Scope::Window, label, help, keys);
        let bar = |help: Text, keys| spec(Scope::Bar, help.clone(), help, keys);
        let calendar = |help: Text, keys| spec(Scope::Calendar, help.clone(), help, keys);
        let slides = |help: Text, keys| spec(Scope::Presentation, help.clone(), help, keys);
        let t = Text::fixed;
        match self {
            C::OpenFolder => window(
                t("Map openen…", "Open folder…"),
                t(
                    "Een map met dossiers openen als werkmap",
                    "Open a folder of dossiers as the workspace",
                ),
                &[],
            ),
            C::OpenFile => window(
                t("Bestand openen…", "Open file…"),
                t("Eén dossierbestand openen", "Open one dossier file"),
                &[],
            ),
            C::NewDossier => window(
                t("Nieuw dossier", "New dossier"),
                t(
                    "Een nieuw, leeg dossier maken (het toetsenbord in zijn cliënt)",
                    "Make a new, empty dossier (the keyboard in its client)",
                ),
                const { &[key(CTRL, Key::N)] },
            ),
            C::Save => window(
                t("Bewaren", "Save"),
                t("Open dossier bewaren", "Save the open dossier"),
                const { &[key(CTRL, Key::S)] },
            ),
            C::SaveAll => window(
                t("Alles bewaren", "Save all"),
                t(
                    "Alle gewijzigde dossiers bewaren",
                    "Save every changed dossier",
                ),
                const { &[key(CTRL_SHIFT, Key::S)] },
            ),
            C::SaveAs => window(
                t("Bewaren als…", "Save as…"),
                t(
                    "Het open dossier in een ander bestand bewaren",
                    "Save the open dossier in another file",
                ),
                &[],
            ),
            C::ImportSpreadsheet => window(
                t("Spreadsheet importeren…", "Import spreadsheet…"),
                t(
                    "Dossiers uit een werkmap (.xlsx) of CSV-bestand inlezen",
                    "Read dossiers from a workbook (.xlsx) or CSV file",
                ),
                &[],
            ),
            C::ExportCaseload => window(
                t("Caseload exporteren (Excel)…", "Export caseload (Excel)…"),
                t(
                    "De getoonde dossiers als Excel-werkmap bewaren",
                    "Save the listed dossiers as an Excel workbook",
                ),
                &[],
            ),
            C::PrintPlan => window(
                t("Trajectplan afdrukken…", "Print plan…"),
                t(
                    "Het trajectplan van het open dossier als PDF, met de bevindingen",
                    "The open dossier's trajectory plan as a PDF, with its findings",
                ),
                const { &[key(CTRL, Key::P)] },
            ),
            C::PrintClientPlan => window(
                t("Plan voor de cliënt afdrukken…", "Print the client's plan…"),
                t(
                    "Het plan voor de cliënt als PDF: data en afspraken, zonder bevindingen",
                    "The client's copy as a PDF: dates and what is expected, without findings",
                ),
                &[],
            ),
            C::Quit => window(
                t("Afsluiten", "Quit"),
                t(
                    "Het venster sluiten (vraagt eerst naar niet-bewaard werk)",
                    "Close the window (asks about unsaved work first)",
                ),
                &[],
            ),
            C::Undo => window(
                t("Ongedaan maken", "Undo"),
                t(
                    "De laatste wijziging ongedaan maken (in een tekstveld: het typen)",
                    "Undo the last change (in a text field: the typing)",
                ),
                const { &[key(CTRL, Key::Z)] },
            ),
            C::Redo => window(
                t("Opnieuw", "Redo"),
                t(
                    "De ongedaan gemaakte wijziging opnieuw doen",
                    "Redo the change undone",
                ),
                const { &[key(CTRL, Key::Y), key(CTRL_SHIFT, Key::Z)] },
            ),
            C::DeleteDossier => window(
                t("Dossier verwijderen…", "Delete dossier…"),
                t(
                    "Het open dossier met zijn bestand verwijderen (vraagt eerst)",
                    "Delete the open dossier with its file (asks first)",
                ),
                &[],
            ),
            C::NextFinding => window(
                t("Volgende ▶", "Next ▶"),
                t("Volgende bevinding", "Next finding"),
                const { &[key(NONE, Key::F8)] },
            ),
            C::PreviousFinding => window(
                t("◀ Vorige", "◀ Previous"),
                t("Vorige bevinding", "Previous finding"),
                const { &[key(SHIFT, Key::F8)] },
            ),
            C::AddNote => Spec {
                by: By::Panel,
                ..window(
                    t("Notitie toevoegen", "Add a note"),
                    t(
                        "Een notitie van vandaag bij het open dossier, het toetsenbord in haar tekst",
                        "A note of today on the open dossier, the keyboard in its text",
                    ),
                    const { &[key(CTRL, Key::M)] },
                )
            },
            C::ApplyFix => Spec {
                by: By::Panel,
                ..window(
                    t("Correctie toepassen", "Apply the fix"),
                    t(
                        "Eerste correctie van de gekozen bevinding toepassen",
                        "Apply the selected finding's first quick fix",
                    ),
                    const { &[key(CTRL, Key::Period)] },
                )
            },
            C::ShowDossier => window(
                t("Dossier", "Dossier"),
                t(
                    "Het open dossier: tijdlijn, bewerken, bevindingen",
                    "The open dossier: timeline, editor, findings",
                ),
                const { &[key(CTRL, Key::Num1)] },
            ),
            C::ShowCaseload => window(
                t("Caseload", "Caseload"),
                t(
                    "Alle getoonde dossiers op één tijdlijn",
                    "Every listed dossier on one timeline",
                ),
                const { &[key(CTRL, Key::Num2)] },
            ),
            C::ShowStatistics => window(
                t("Statistiek", "Statistics"),
                t(
                    "De cijfers per provincie en jaar",
                    "The figures per province and year",
                ),
                const { &[key(CTRL, Key::Num3)] },
            ),
            C::ShowAgenda => window(
                t("Agenda", "Agenda"),
                t(
                    "Wat te doen is, en tegen wanneer",
                    "What is due, and by when",
                ),
                const { &[key(CTRL, Key::Num4)] },
            ),
            C::Present => window(
                t("Presenteren", "Present"),
                t("Presentatie aan / uit", "Presentation on / off"),
                const { &[key(NONE, Key::F11)] },
            ),
            C::Help => window(
                t("Help", "Help"),
                t("Deze hulp (Esc sluit ze)", "This help (Esc closes it)"),
                const { &[key(NONE, Key::F1)] },
            ),
            C::Find => window(
                t("Zoeken", "Find"),
                t(
                    "Naar het zoekveld van de dossierlijst",
                    "To the dossier list's search field",
                ),
                const { &[key(CTRL, Key::F)] },
            ),
            C::FocusNext | C::FocusPrevious => {
                let next = self == C::FocusNext;
                Spec {
                    by: By::Egui,
                    ..window(
                        if next {
                            t("Volgende", "Next")
                        } else {
                            t("Vorige", "Previous")
                        },
                        if next {
                            t(
                                "Naar het volgende veld, knop of balk",
                                "To the next field, button or bar",
                            )
                        } else {
                            t(
                                "Naar het vorige veld, knop of balk",
                                "To the previous field, button or bar",
                            )
                        },
                        if next {
                            const { &[key(NONE, Key::Tab)] }
                        } else {
                            const { &[key(SHIFT, Key::Tab)] }
                        },
                    )
                }
            }
            C::CloseMenu => Spec {
                scope: Scope::Menu,
                ..window(
                    t("Sluiten", "Close"),
                    t("Open menu sluiten", "Close an open menu"),
                    const { &[key(NONE, Key::Escape)] },
                )
            },
            // The keys panels carry out themselves: the list, a bar, the calendar, the slides.
            C::ListPrevious => spec(
                Scope::List,
                t("Vorig dossier", "Previous dossier"),
                t("Vorig dossier in de lijst", "Previous dossier in the list"),
                const { &[key(NONE, Key::ArrowUp)] },
            ),
            C::ListNext => spec(
                Scope::List,
                t("Volgend dossier", "Next dossier"),
                t("Volgend dossier in de lijst", "Next dossier in the list"),
                const { &[key(NONE, Key::ArrowDown)] },
            ),
            C::ListPageUp => spec(
                Scope::List,
                t("Een scherm terug", "A screen up"),
                t("Een scherm hoger in de lijst", "A screen up the list"),
                const { &[key(NONE, Key::PageUp)] },
            ),
            C::ListPageDown => spec(
                Scope::List,
                t("Een scherm verder", "A screen down"),
                t("Een scherm lager in de lijst", "A screen down the list"),
                const { &[key(NONE, Key::PageDown)] },
            ),
            C::ListFirst => spec(
                Scope::List,
                t("Eerste dossier", "First dossier"),
                t("Eerste dossier van de lijst", "The list's first dossier"),
                const { &[key(NONE, Key::Home)] },
            ),
            C::ListLast => spec(
                Scope::List,
                t("Laatste dossier", "Last dossier"),
                t("Laatste dossier van de lijst", "The list's last dossier"),
                const { &[key(NONE, Key::End)] },
            ),
            C::BarDayEarlier => bar(
                t("Balk een dag vroeger", "Move the bar a day earlier"),
                const { &[key(NONE, Key::ArrowLeft)] },
            ),
            C::BarDayLater => bar(
                t("Balk een dag later", "Move the bar a day later"),
                const { &[key(NONE, Key::ArrowRight)] },
            ),
            C::BarWeekEarlier => bar(
                t("Balk een week vroeger", "Move the bar a week earlier"),
                const { &[key(SHIFT, Key::ArrowLeft)] },
            ),
            C::BarWeekLater => bar(
                t("Balk een week later", "Move the bar a week later"),
                const { &[key(SHIFT, Key::ArrowRight)] },
            ),
            C::BarMonthEarlier => bar(
                t("Balk een maand vroeger", "Move the bar a month earlier"),
                const { &[key(CTRL, Key::ArrowLeft)] },
            ),
            C::BarMonthLater => bar(
                t("Balk een maand later", "Move the bar a month later"),
                const { &[key(CTRL, Key::ArrowRight)] },
            ),
            C::BarStart => bar(
                t(
                    "De pijlen verschuiven het begin",
                    "The arrows move the start",
                ),
                const { &[key(NONE, Key::Home)] },
            ),
            C::BarEnd => bar(
                t("De pijlen verschuiven het einde", "The arrows move the end"),
                const { &[key(NONE, Key::End)] },
            ),
            C::BarWhole => bar(
                t(
                    "De pijlen verschuiven weer de hele balk; nog eens: de balk loslaten",
                    "The arrows move the whole bar again; once more: leave the bar",
                ),
                const { &[key(NONE, Key::Escape)] },
            ),
            C::BarAbove => bar(
                t("Naar de balk erboven", "To the bar above"),
                const { &[key(NONE, Key::ArrowUp)] },
            ),
            C::BarBelow => bar(
                t("Naar de balk eronder", "To the bar below"),
                const { &[key(NONE, Key::ArrowDown)] },
            ),
            C::BarDelete => bar(
                t("Instrument verwijderen", "Delete the instrument"),
                const { &[key(NONE, Key::Delete)] },
            ),
            C::BarAdd => bar(
                t("Instrument toevoegen", "Add an instrument"),
                const { &[key(NONE, Key::Insert), key(NONE, Key::Plus)] },
            ),
            C::DayEarlier => calendar(
                t("Een dag vroeger", "A day earlier"),
                const { &[key(NONE, Key::ArrowLeft)] },
            ),
            C::DayLater => calendar(
                t("Een dag later", "A day later"),
                const { &[key(NONE, Key::ArrowRight)] },
            ),
            C::WeekEarlier => calendar(
                t("Een week vroeger", "A week earlier"),
                const { &[key(NONE, Key::ArrowUp)] },
            ),
            C::WeekLater => calendar(
                t("Een week later", "A week later"),
                const { &[key(NONE, Key::ArrowDown)] },
            ),
            C::MonthEarlier => calendar(
                t("Een maand vroeger", "A month earlier"),
                const { &[key(NONE, Key::PageUp)] },
            ),
            C::MonthLater => calendar(
                t("Een maand later", "A month later"),
                const { &[key(NONE, Key::PageDown)] },
            ),
            C::YearEarlier => calendar(
                t("Een jaar vroeger", "A year earlier"),
                const { &[key(SHIFT, Key::PageUp)] },
            ),
            C::YearLater => calendar(
                t("Een jaar later", "A year later"),
                const { &[key(SHIFT, Key::PageDown)] },
            ),
            C::PickDay => calendar(
                t("Deze dag kiezen", "Pick this day"),
                const { &[key(NONE, Key::Enter)] },
            ),
            C::CloseCalendar => calendar(
                t("Kalender sluiten", "Close the calendar"),
                const { &[key(NONE, Key::Escape)] },
            ),
            // A presenter's clicker sends Page Down and Page Up (some Space and Backspace).
            C::SlidePrevious => slides(
                t("Vorige dia", "Previous slide"),
                const {
                    &[
                        key(NONE, Key::ArrowLeft),
                        key(NONE, Key::PageUp),
                        key(NONE, Key::Backspace),
                    ]
                },
            ),
            C::SlideNext => slides(
                t("Volgende dia", "Next slide"),
                const {
                    &[
                        key(NONE, Key::ArrowRight),
                        key(NONE, Key::PageDown),
                        key(NONE, Key::Space),
                    ]
                },
            ),
            C::YearUp => slides(
                t("Volgend jaar", "Next year"),
                const { &[key(NONE, Key::ArrowUp)] },
            ),
            C::YearDown => slides(
                t("Vorig jaar", "Previous year"),
                const { &[key(NONE, Key::ArrowDown)] },
            ),
            // As in PowerPoint: B blacks the screen out, W whitens it; the key again, or any
            // slide key, brings the slide back.
            C::BlackScreen => slides(
                t(
                    "Zwart scherm (nog eens: terug)",
                    "Black screen (again: back)",
                ),
                const { &[key(NONE, Key::B)] },
            ),
            C::WhiteScreen => slides(
                t("Wit scherm (nog eens: terug)", "White screen (again: back)"),
                const { &[key(NONE, Key::W)] },
            ),
            C::LeavePresentation => slides(
                t("Presentatie verlaten", "Leave the presentation"),
                const { &[key(NONE, Key::Escape)] },
            ),
        }
    }

    /// Where the command's keys work.
    pub fn scope(self) -> Scope {
        self.spec().scope
    }

    /// The command's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.spec().label.get(lang)
    }

    /// What the command does, in `lang`.
    pub fn help(self, lang: Lang) -> &'static str {
        self.spec().help.get(lang)
    }

    /// The command's first key as the platform writes it ("Ctrl+S", "⌘S"), the key's name in
    /// `lang`; none for a command without keys.
    pub fn shortcut_text(self, ctx: &egui::Context, lang: Lang) -> Option<String> {
        self.spec()
            .keys
            .first()
            .map(|k| shortcut_text(ctx, k, lang))
    }

    /// Every key of the command, as [`Command::shortcut_text`] writes them, with " / "
    /// between.
    pub fn all_shortcuts_text(self, ctx: &egui::Context, lang: Lang) -> String {
        self.spec()
            .keys
            .iter()
            .map(|k| shortcut_text(ctx, k, lang))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The label with the first key in brackets: "Help (F1)".
    pub fn label_with_key(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcut_text(ctx, lang) {
            Some(k) => format!("{} ({k})", self.label(lang)),
            None => self.label(lang).to_string(),
        }
    }

    /// Takes the command's keys from this frame's input; whether one was pressed.
    pub fn consume(self, input: &mut egui::InputState) -> bool {
        self.spec().keys.iter().any(|k| input.consume_shortcut(k))
    }

    /// Takes every press of the command's keys from this frame's input (a slow frame can
    /// hold several, or a held key's repeats); how many.
    pub fn count(self, input: &mut egui::InputState) -> usize {
        self.spec()
            .keys
            .iter()
            .map(|k| input.count_and_consume_key(k.modifiers, k.logical_key))
            .sum()
    }

    /// Whether one of the command's keys was pressed this frame, leaving it in the input
    /// for other panels too.
    pub fn seen(self, input: &egui::InputState) -> bool {
        self.spec().keys.iter().any(|k| {
            input.key_pressed(k.logical_key) && input.modifiers.matches_logically(k.modifiers)
        })
    }

    /// Whether a text field with the keyboard keeps the command's keys for itself: its own
    /// undo and redo of the typing.
    fn yields_to_text(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// The commands of `scope` pressed this frame, each key taken from the input. Keys with
    /// Shift or Alt are looked at first: egui also matches Ctrl+S while Ctrl+Shift+S is held.
    pub fn pressed(ctx: &egui::Context, scope: Scope) -> Vec<Command> {
        // Most frames hold no key press: nothing to look up.
        let any_key = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }))
        });
        if !any_key {
            return Vec::new();
        }
        let typing = ctx
            .memory(egui::Memory::focused)
            .is_some_and(|id| egui::text_edit::TextEditState::load(ctx, id).is_some());
        let keys = keys_of(scope)
            .iter()
            .filter(|(_, c)| !(typing && c.yields_to_text()));
        let mut out = Vec::new();
        ctx.input_mut(|input| {
            for (k, c) in keys {
                if input.consume_shortcut(k) && !out.contains(c) {
                    out.push(*c);
                }
            }
        });
        out
    }

    /// What a window command asks of the window here and now; `None` where it can do
    /// nothing (no dossier open, nothing to undo) or where a panel carries it out itself
    /// (its keys, the findings' fix).
    pub fn action(self, cx: &ViewCx<'_>) -> Option<Action> {
        use Command as C;
        let open = cx.sel.entry;
        match self {
            C::OpenFolder => Some(Action::File(File::Guard(Pending::Dialog(
                Request::OpenFolder,
            )))),
            C::OpenFile => Some(Action::File(File::Guard(Pending::Dialog(
                Request::OpenFile,
            )))),
            C::NewDossier => Some(Action::Edit(Edit::NewDossier)),
            C::Save => Some(Action::File(File::Save)),
            C::SaveAll => Some(Action::File(File::SaveAll)),
            C::SaveAs => open.map(|i| Action::Shell(Shell::Dialog(Request::SaveAs(i)))),
            C::ImportSpreadsheet => Some(Action::File(File::Guard(Pending::Dialog(
                Request::ImportSpreadsheet,
            )))),
            C::ExportCaseload => {
                (!cx.ws.is_empty()).then_some(Action::Output(Output::ExportCaseload))
            }
            C::PrintPlan => open.map(|entry| {
                Action::Output(Output::PrintPlan {
                    entry,
                    client: false,
                })
            }),
            C::PrintClientPlan => open.map(|entry| {
                Action::Output(Output::PrintPlan {
                    entry,
                    client: true,
                })
            }),
            C::Quit => Some(Action::File(File::Guard(Pending::Quit))),
            C::Undo => cx.ws.can_undo().then_some(Action::Edit(Edit::Undo)),
            C::Redo => cx.ws.can_redo().then_some(Action::Edit(Edit::Redo)),
            C::DeleteDossier => open.map(|i| Action::Edit(Edit::AskDelete(i))),
            C::NextFinding => Some(Action::Select(Select::StepFinding(1))),
            C::PreviousFinding => Some(Action::Select(Select::StepFinding(-1))),
            C::ShowDossier => Some(Action::Select(Select::SetView(View::Dossier))),
            C::ShowCaseload => Some(Action::Select(Select::SetView(View::Caseload))),
            C::ShowStatistics => Some(Action::Select(Select::SetView(View::Statistics))),
            C::ShowAgenda => Some(Action::Select(Select::SetView(View::Agenda))),
            C::Present => Some(Action::Setting(Setting::Present(true))),
            C::Help => Some(Action::Setting(Setting::ToggleHelp)),
            C::Find => Some(Action::Select(Select::FocusSearch)),
            _ => None,
        }
    }

    /// The command as a menu item: its label, its first key, its help as tooltip; disabled
    /// where it can do nothing. A click closes the menu and pushes its action.
    pub fn menu_item(self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let action = self.action(cx);
        // Framed when hovered or focused only: a menu item reached by keyboard is seen.
        let mut button = egui::Button::new(self.label(cx.lang))
            .frame(true)
            .frame_when_inactive(false);
        if let Some(k) = self.shortcut_text(ui.ctx(), cx.lang) {
            button = button.shortcut_text(k);
        }
        let response = ui
            .add_enabled(action.is_some(), button)
            .on_hover_text(self.help(cx.lang));
        if response.clicked() {
            ui.close();
            out.extend(action);
        }
    }
}

/// A key and the command it carries out.
type Bound = (KeyboardShortcut, Command);

/// The keys of the commands of `scope` the window carries out, each with its command, those
/// with Shift or Alt first; made once.
fn keys_of(scope: Scope) -> &'static [Bound] {
    static TABLE: std::sync::OnceLock<Vec<(Scope, Vec<Bound>)>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        Scope::ALL
            .iter()
            .map(|&scope| {
                let mut keys: Vec<Bound> = Command::ALL
                    .iter()
                    .map(|c| (*c, c.spec()))
                    .filter(|(_, s)| s.scope == scope && s.by == By::Window)
                    .flat_map(|(c, s)| s.keys.iter().map(move |k| (*k, c)))
                    .collect();
                keys.sort_by_key(|(k, _)| {
                    std::cmp::Reverse(u8::from(k.modifiers.shift) + u8::from(k.modifiers.alt))
                });
                (scope, keys)
            })
            .collect()
    });
    table
        .iter()
        .find(|(s, _)| *s == scope)
        .map_or(&[], |(_, keys)| keys.as_slice())
}

/// The status after something was deleted: what went, and the key that brings it back
/// (every road that deletes says it the same way).
pub fn deleted_status(ctx: &egui::Context, what: impl Fn(Lang) -> String + 'static) -> Text {
    let ctx = ctx.clone();
    Text::from_fn(move |lang| {
        format!(
            "{} {} ({} {})",
            what(lang),
            lang.pick("verwijderd", "deleted"),
            Command::Undo.shortcut_text(&ctx, lang).unwrap_or_default(),
            lang.pick("zet het terug).", "brings it back)."),
        )
    })
}

/// `shortcut` as the platform writes it (egui's `format_shortcut`: "Ctrl+S", "⌘S"), with
/// the key's short name in `lang` ("Links", "`PgUp`", ".").
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut, lang: Lang) -> String {
    let written = ctx.format_shortcut(shortcut);
    let k = shortcut.logical_key;
    let modifiers = written
        .strip_suffix(k.name())
        .or_else(|| written.strip_suffix(k.symbol_or_name()))
        .unwrap_or(&written);
    format!("{modifiers}{}", key_name(k, lang))
}

/// A key's short name in `lang`: the arrows in words, page keys and Delete as printed on
/// most keyboards.
fn key_name(k: Key, lang: Lang) -> &'static str {
    match k {
        Key::ArrowLeft => lang.pick("Links", "Left"),
        Key::ArrowRight => lang.pick("Rechts", "Right"),
        Key::ArrowUp => lang.pick("Omhoog", "Up"),
        Key::ArrowDown => lang.pick("Omlaag", "Down"),
        Key::PageUp => "PgUp",
        Key::PageDown => "PgDn",
        Key::Delete => "Del",
        Key::Insert => "Ins",
        Key::Escape => "Esc",
        Key::Period => ".",
        Key::Plus => "+",
        other => other.name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two keys clash when one press would match both: the same key, Shift and Alt alike,
    /// and Ctrl (Cmd on a Mac) alike.
    fn clashes(a: KeyboardShortcut, b: KeyboardShortcut) -> bool {
        a.logical_key == b.logical_key
            && a.modifiers.shift == b.modifiers.shift
            && a.modifiers.alt == b.modifiers.alt
            && (a.modifiers.command || a.modifiers.ctrl)
                == (b.modifiers.command || b.modifiers.ctrl)
    }

    /// Whether keys of scopes `a` and `b` can be pressed in the same place: the same scope,
    /// or the window's (read before any panel) with any other.
    fn meet(a: Scope, b: Scope) -> bool {
        a == b || a == Scope::Window || b == Scope::Window
    }

    #[test]
    fn no_two_commands_share_a_key_where_both_can_be_pressed() {
        for (i, a) in Command::ALL.iter().enumerate() {
            for b in &Command::ALL[i + 1..] {
                let (sa, sb) = (a.spec(), b.spec());
                if !meet(sa.scope, sb.scope) {
                    continue;
                }
                for ka in sa.keys {
                    for kb in sb.keys {
                        assert!(!clashes(*ka, *kb), "{a:?} and {b:?} share {ka:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_clash_test_sees_a_clash() {
        let save = KeyboardShortcut::new(CTRL, Key::S);
        assert!(clashes(
            save,
            KeyboardShortcut::new(Modifiers::CTRL, Key::S)
        ));
        assert!(!clashes(save, KeyboardShortcut::new(CTRL_SHIFT, Key::S)));
        assert!(meet(Scope::Window, Scope::Bar) && !meet(Scope::Bar, Scope::Calendar));
    }

    #[test]
    fn a_commands_spec_is_its_own() {
        for c in Command::ALL {
            assert_eq!(c.spec().label, c.make_spec().label, "{c:?}");
            assert_eq!(c.spec().keys, c.make_spec().keys, "{c:?}");
        }
    }

    #[test]
    fn every_command_is_listed_once_with_words_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            assert!(seen.insert(*c), "{c:?} twice");
            let s = c.spec();
            for text in [&s.label, &s.help] {
                assert!(!text.nl.is_empty() && !text.en.is_empty(), "{c:?}");
            }
            assert!(
                !s.keys.is_empty() || s.scope == Scope::Window,
                "{c:?} has no key"
            );
        }
    }

    #[test]
    fn keys_are_written_with_the_platforms_names_and_the_languages_words() {
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        // The fonts, which decide whether a Mac gets symbols, come with the first frame.
        let mut frame = ctx.run_ui(egui::RawInput::default(), |_| {});
        frame.textures_delta.clear();
        assert_eq!(
            Command::Save.shortcut_text(&ctx, Lang::Nl).as_deref(),
            Some("Ctrl+S")
        );
        assert_eq!(
            Command::SaveAll.shortcut_text(&ctx, Lang::En).as_deref(),
            Some("Ctrl+Shift+S")
        );
        assert_eq!(
            Command::ApplyFix.shortcut_text(&ctx, Lang::En).as_deref(),
            Some("Ctrl+.")
        );
        assert_eq!(
            Command::BarWeekEarlier
                .shortcut_text(&ctx, Lang::Nl)
                .as_deref(),
            Some("Shift+Links")
        );
        assert_eq!(
            Command::Redo.all_shortcuts_text(&ctx, Lang::En),
            "Ctrl+Y / Ctrl+Shift+Z"
        );
        assert_eq!(Command::Help.label_with_key(&ctx, Lang::Nl), "Help (F1)");
        ctx.set_os(egui::os::OperatingSystem::Mac);
        let mac = Command::Save
            .shortcut_text(&ctx, Lang::En)
            .unwrap_or_default();
        assert!(mac.ends_with('S') && mac != "Ctrl+S", "{mac}");
    }
}

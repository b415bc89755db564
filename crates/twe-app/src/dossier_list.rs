//! The dossier list: search, filters, counts per dossier, virtualized rows.

use super::action::{Action, Select, Setting};
use super::command::Command;
use super::cx::ViewCx;
use super::palette;
use super::panel::Panel;
use super::rows::{ListCache, ListFilter, Phase, SortBy, WithFindings};
use crate::combo::Keys as _;
use std::fmt::Write as _;
use twe_core::lang::Lang;
use twe_core::reference::{Province, published};
use twe_core::rules::Severity;
use twe_core::workspace::{Entry, Workspace};

fn phase_label(p: Phase, lang: Lang) -> &'static str {
    match p {
        Phase::All => lang.pick("Alle trajecten", "All trajectories"),
        Phase::Running => lang.pick("Lopend", "Running"),
        Phase::Closed => lang.pick("Afgesloten", "Closed"),
        Phase::Planned => lang.pick("Nog te starten", "Not started"),
    }
}

fn findings_label(f: WithFindings, lang: Lang) -> &'static str {
    match f {
        WithFindings::All => lang.pick("Alle dossiers", "All dossiers"),
        WithFindings::Errors => lang.pick("Met fouten", "With errors"),
        WithFindings::Warnings => lang.pick("Met waarschuwingen", "With warnings"),
        WithFindings::Infos => lang.pick("Met info", "With info"),
        WithFindings::Unsaved => lang.pick("Niet bewaard", "Unsaved"),
    }
}

/// One row of the filter grid: its label and a drop-down of `choices`, each with its text.
fn choice_row_ui<'a, T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    label: &str,
    id: &str,
    value: &mut T,
    choices: impl IntoIterator<Item = (T, &'a str)> + Clone,
) {
    let l = ui.label(label);
    let selected = choices
        .clone()
        .into_iter()
        .find(|(c, _)| c == value)
        .map_or("", |(_, text)| text);
    egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (c, text) in choices {
                ui.selectable_value(value, c, text);
            }
        })
        .keys(ui)
        .labelled_by(l.id);
    ui.end_row();
}

fn filters_ui(f: &mut ListFilter, cx: &ViewCx<'_>, ui: &mut egui::Ui) {
    let lang = cx.lang;
    egui::Grid::new("filters").num_columns(2).show(ui, |ui| {
        let l = ui.label(lang.pick("Begeleider", "Counsellor"));
        let all = lang.pick("Alle", "All");
        egui::ComboBox::from_id_salt("counsellor")
            .selected_text(f.counsellor.clone().unwrap_or_else(|| all.into()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.counsellor, None, all);
                for name in cx.ws.counsellors() {
                    let mine = cx.me.is_some_and(|me| twe_core::model::same_name(me, name));
                    let text = if mine {
                        format!("{name} ({})", lang.pick("ik", "me"))
                    } else {
                        name.to_string()
                    };
                    ui.selectable_value(&mut f.counsellor, Some(name.to_string()), text);
                }
            })
            .keys(ui)
            .labelled_by(l.id);
        ui.end_row();
        let provinces = Province::ALL.map(|p| (Some(p), p.name()));
        let all = [(None, lang.pick("Alle", "All"))];
        choice_row_ui(
            ui,
            lang.pick("Provincie", "Province"),
            "province",
            &mut f.province,
            all.into_iter().chain(provinces),
        );
        let l = ui.label(lang.pick("Organisatie", "Organisation"));
        egui::ComboBox::from_id_salt("organisation")
            .selected_text(
                f.organisation
                    .clone()
                    .unwrap_or_else(|| lang.pick("Alle", "All").into()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.organisation, None, lang.pick("Alle", "All"));
                for o in &published().organisations {
                    ui.selectable_value(&mut f.organisation, Some(o.name.clone()), &o.name);
                }
            })
            .keys(ui)
            .labelled_by(l.id);
        ui.end_row();
        choice_row_ui(
            ui,
            lang.pick("Fase", "Phase"),
            "phase",
            &mut f.phase,
            [Phase::All, Phase::Running, Phase::Closed, Phase::Planned]
                .map(|p| (p, phase_label(p, lang))),
        );
        choice_row_ui(
            ui,
            lang.pick("Toon", "Show"),
            "with-findings",
            &mut f.findings,
            [
                WithFindings::All,
                WithFindings::Errors,
                WithFindings::Warnings,
                WithFindings::Infos,
                WithFindings::Unsaved,
            ]
            .map(|x| (x, findings_label(x, lang))),
        );
        let rules = std::iter::once((None, lang.pick("Alle regels", "All rules")))
            .chain(twe_core::rules::RULES.iter().map(|r| (Some(r.id), r.id)));
        choice_row_ui(ui, lang.pick("Regel", "Rule"), "rule", &mut f.rule, rules);
        choice_row_ui(
            ui,
            lang.pick("Sorteren", "Sort"),
            "sort",
            &mut f.sort,
            [
                (
                    SortBy::File,
                    lang.pick("zoals in de map", "as in the folder"),
                ),
                (SortBy::Id, lang.pick("op id", "by id")),
                (SortBy::Client, lang.pick("op cliënt", "by client")),
                (SortBy::Ocmw, lang.pick("op OCMW", "by OCMW")),
                (SortBy::Start, lang.pick("op start", "by start")),
                (
                    SortBy::Findings,
                    lang.pick("meeste fouten eerst", "most errors first"),
                ),
            ],
        );
    });
}

/// The text of one row: id, client, OCMW, counts, unsaved mark, lock.
fn row_text(e: &Entry, lang: Lang, dark: bool, selected: bool) -> egui::RichText {
    let (d, counts) = (e.dossier(), e.counts());
    // Marks first, names after: a narrow list cuts the end of the row, never the counts.
    let mut text = format!("{}  ", d.id);
    for (n, s) in [
        (counts.errors, Severity::Error),
        (counts.warnings, Severity::Warning),
    ] {
        if n > 0 {
            let _ = write!(text, "{} {n}  ", palette::severity_icon(s));
        }
    }
    if e.is_dirty() {
        text.push_str(lang.pick("• niet bewaard  ", "• unsaved  "));
    }
    if let Some(lock) = e.locked_by() {
        let _ = write!(text, "🔒 {}  ", lock.user);
    }
    // The client's name tells apart dossiers that look alike; the list is never on a
    // projector (the presentation shows none of it).
    if !d.client.is_empty() {
        let _ = write!(text, "{} · ", d.client);
    }
    text.push_str(&d.ocmw);
    let rich = egui::RichText::new(text);
    // A selected row keeps the selection's text colour: red on the selection's blue is
    // illegible, and the ⛔ count still says it.
    if counts.errors > 0 && !selected {
        rich.color(palette::severity(Severity::Error, dark))
    } else {
        rich
    }
}

/// The dossier list panel: search, filters and the rows they leave.
#[derive(Default)]
pub struct DossierList {
    /// The search and filters.
    filter: ListFilter,
    /// The rows, recomputed only when the filter or the workspace changes.
    cache: ListCache,
    /// How far the rows can scroll, as the last frame measured it, and for how many rows.
    scroll_max: (f32, usize),
    /// Whether this frame scrolls to the open dossier a second time (see `ui`).
    scrolled_again: bool,
    /// The open dossier the list last scrolled to: when another is opened elsewhere (a new
    /// dossier, the caseload, an undo), the list scrolls to it.
    followed: Option<usize>,
    /// While "who am I" is asked (the first click on "My clients"): the name typed so far.
    asking_me: Option<String>,
    /// The name field takes the keyboard the frame after it appears.
    focus_me: bool,
}

impl DossierList {
    /// The rows the list shows (the caseload shows the same), brought up to date first.
    /// Whether the list leaves dossiers out (a search, a filter, "my clients").
    pub fn is_filtered(&self) -> bool {
        self.filter != super::rows::ListFilter::default()
    }

    /// The counsellor the list keeps ("my clients" on), if any: a new dossier is theirs,
    /// or it would vanish from the list it was made in.
    pub fn counsellor(&self) -> Option<&str> {
        self.filter.counsellor.as_deref()
    }

    /// Makes entry `i` (a dossier just made) a row of the list: where the search or a
    /// filter leaves it out (a new dossier has no client yet, so any search does), they are
    /// cleared, keeping "my clients" (a new dossier is theirs) and the order. Answers
    /// whether they were: the window says so.
    pub fn reveal(&mut self, ws: &Workspace, i: usize) -> bool {
        if self.rows(ws).rows.contains(&i) {
            return false;
        }
        self.filter = super::rows::ListFilter {
            counsellor: self.filter.counsellor.take(),
            sort: self.filter.sort,
            ..super::rows::ListFilter::default()
        };
        true
    }

    pub fn rows(&mut self, ws: &Workspace) -> &ListCache {
        self.cache.refresh(ws, &self.filter);
        &self.cache
    }

    /// "My clients" in one click: filters the list (and with it the caseload and the
    /// agenda) on the counsellor the window knows as "me"; the first time, asks who that is,
    /// completing from the workspace's names.
    fn mine_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        ui.horizontal(|ui| {
            let on = match (cx.me, &self.filter.counsellor) {
                (Some(me), Some(c)) => twe_core::model::same_name(me, c),
                _ => false,
            };
            let text = match cx.me {
                Some(me) => format!("👤 {} ({me})", lang.pick("Mijn cliënten", "My clients")),
                None => format!("👤 {}…", lang.pick("Mijn cliënten", "My clients")),
            };
            let button = ui
                .add(egui::Button::selectable(on, text))
                .on_hover_text(lang.pick(
                "Alleen de dossiers waarvan u de begeleider bent, ook in de caseload en de agenda",
                "Only the dossiers you are the counsellor of, also in the caseload and the agenda",
            ));
            if button.clicked() {
                match cx.me {
                    Some(me) if !on => self.filter.counsellor = Some(me.to_string()),
                    Some(_) => self.filter.counsellor = None,
                    None => {
                        self.asking_me = Some(String::new());
                        self.focus_me = true;
                    }
                }
            }
            let who = lang.pick("Wie ben ik?", "Who am I?");
            if cx.me.is_some() && {
                let edit = ui.small_button("✏").on_hover_text(who);
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, who));
                edit.clicked()
            } {
                self.asking_me = Some(cx.me.unwrap_or_default().to_string());
                self.focus_me = true;
            }
        });
        let Some(draft) = &mut self.asking_me else {
            return;
        };
        let mut done = None;
        ui.group(|ui| {
            let l = ui.label(lang.pick("Uw naam als begeleider:", "Your name as counsellor:"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(draft)
                        .hint_text(lang.pick("bv. Sofie Peeters", "e.g. Sofie Peeters"))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if std::mem::take(&mut self.focus_me) {
                field.request_focus();
            }
            let typed = draft.trim().to_lowercase();
            ui.horizontal_wrapped(|ui| {
                for name in cx
                    .ws
                    .counsellors()
                    .filter(|n| typed.is_empty() || n.to_lowercase().contains(&typed))
                    .take(6)
                {
                    if ui.small_button(name).clicked() {
                        done = Some(Some(name.to_string()));
                    }
                }
            });
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                done = Some(None);
            }
            ui.horizontal(|ui| {
                if ui.button(lang.pick("OK", "OK")).clicked() || enter {
                    done = Some(Some(draft.clone()));
                }
                if ui.button(lang.pick("Annuleren", "Cancel")).clicked() {
                    done = Some(None);
                }
            });
        });
        if let Some(choice) = done {
            self.asking_me = None;
            if let Some(name) = choice.filter(|n| !n.trim().is_empty()) {
                self.filter.counsellor = Some(name.clone());
                out.push(Action::Setting(Setting::SetMe(Some(name))));
            }
        }
    }

    /// Forgets the rows (another workspace was opened).
    pub fn reset(&mut self) {
        self.cache.forget();
    }
}

/// Up and down move the selection through the rows when no text field has focus; returns
/// the row to open and scroll to.
fn arrow_keys(cx: &ViewCx<'_>, rows: &[usize], ui: &egui::Ui) -> Option<usize> {
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    if typing || rows.is_empty() {
        return None;
    }
    // A screen of rows: the list's height over a row's.
    let page = (ui.available_height()
        / (ui.spacing().interact_size.y + ui.spacing().item_spacing.y))
        .floor()
        .max(1.0) as i64;
    let last = rows.len() as i64 - 1;
    let position = cx.sel.entry.and_then(|e| rows.iter().position(|&r| r == e));
    let at = position.map_or(-1, |p| p as i64);
    let target = ui.input(|i| {
        if Command::ListFirst.seen(i) {
            Some(0)
        } else if Command::ListLast.seen(i) {
            Some(last)
        } else if Command::ListPageDown.seen(i) {
            Some(at + page)
        } else if Command::ListPageUp.seen(i) {
            Some(at - page)
        } else {
            let step =
                i64::from(Command::ListNext.seen(i)) - i64::from(Command::ListPrevious.seen(i));
            (step != 0).then(|| if position.is_some() { at + step } else { 0 })
        }
    })?;
    Some(target.clamp(0, last) as usize)
}

/// The rows, virtualized: only those in view are built; returns the entry clicked.
fn rows_ui(
    cx: &ViewCx<'_>,
    rows: &[usize],
    scroll_to: Option<usize>,
    scroll_max: &mut (f32, usize),
    ui: &mut egui::Ui,
) -> Option<usize> {
    let mut clicked = None;
    let row_height = ui.spacing().interact_size.y;
    let mut area = egui::ScrollArea::vertical().auto_shrink(false);
    if let Some(row) = scroll_to {
        // The row in the middle, but never past the list's end as the last frame measured
        // it (past it, the scroll area springs back frame after frame).
        let visible = ui.available_height();
        let step = row_height + ui.spacing().item_spacing.y;
        let offset = (row as f32 * step - visible / 2.0).clamp(0.0, scroll_max.0.max(0.0));
        area = area.vertical_scroll_offset(offset);
    }
    let output = area.show_rows(ui, row_height, rows.len(), |ui, range| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
            for &i in &rows[range] {
                let Some(e) = cx.ws.entry(i) else { continue };
                let selected = cx.sel.entry == Some(i);
                let button =
                    egui::Button::selectable(selected, row_text(e, cx.lang, cx.dark(), selected))
                        .min_size(egui::vec2(0.0, row_height));
                if ui.add(button).clicked() {
                    clicked = Some(i);
                }
            }
        });
    });
    *scroll_max = (
        output.content_size.y - output.inner_rect.height(),
        rows.len(),
    );
    clicked
}

impl Panel for DossierList {
    /// Draws the panel; opening a dossier is an action.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        ui.heading(lang.pick("Dossiers", "Dossiers"));
        // Down or Enter in the search goes to the list: its first match opens and the arrows
        // move on from there (they did nothing, and the keyboard was stuck in the field).
        let into_list = ui
            .horizontal(|ui| {
                let label = ui.label(lang.pick("Zoeken", "Search"));
                let search = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.filter.query)
                            .hint_text(lang.pick("id, naam of OCMW", "id, name or OCMW"))
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                super::focus::take(&search, super::focus::Field::Search);
                let down = search.has_focus()
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown));
                let enter = search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if down {
                    search.surrender_focus();
                }
                down || enter
            })
            .inner;
        self.mine_ui(cx, ui, out);
        filters_ui(&mut self.filter, cx, ui);
        self.cache.refresh(cx.ws, &self.filter);
        let rows = &self.cache.rows;
        ui.weak(format!(
            "{} {} {}",
            twe_core::lang::number(rows.len() as i64, lang),
            lang.pick("van", "of"),
            twe_core::lang::number(cx.ws.live_count() as i64, lang)
        ));
        ui.separator();
        let stepped = arrow_keys(cx, rows, ui).or((into_list && !rows.is_empty()).then_some(0));
        let mut scroll_to = stepped;
        if cx.sel.entry != self.followed {
            self.followed = cx.sel.entry;
            scroll_to = scroll_to.or_else(|| {
                let e = cx.sel.entry?;
                rows.iter().position(|&r| r == e)
            });
        }
        // More rows than the scroll area measured (a dossier just made): it clamps to the
        // old end, so the row is scrolled to once more the next frame, measured anew (it
        // stayed just out of sight).
        let grew = rows.len() > self.scroll_max.1;
        let clicked = rows_ui(cx, rows, scroll_to, &mut self.scroll_max, ui);
        // Once only: while a big folder is read the rows grow every frame, and the list
        // must not keep pulling the user back.
        let again = grew
            && scroll_to.is_some()
            && clicked.is_none()
            && stepped.is_none()
            && !self.scrolled_again;
        self.scrolled_again = again;
        if again {
            self.followed = None;
            ui.ctx().request_repaint();
        }
        // A dossier opened here is where the list already is: it is not followed again.
        if let Some(i) = clicked.or(stepped.map(|row| rows[row])) {
            self.followed = Some(i);
            out.push(Action::Select(Select::OpenEntry(i)));
        }
    }
}

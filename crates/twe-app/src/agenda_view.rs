//! The agenda view: what must be done in the listed dossiers, and by when. Overdue first
//! (the findings of the rules that own a kind of item), then this week and next week (ISO
//! weeks, Monday to Sunday), the rest of this month and later. A row names the dossier, the
//! client, the action, the due date and the days left; a click opens the dossier on what
//! the item is about. The rows come from each entry's agenda, kept current per edit; the
//! view only orders the listed dossiers' items, and only when the workspace or the list
//! changes.

use super::action::{Action, Request, Select, Shell};
use super::cx::ViewCx;
use super::panel::Panel;
use super::rows::ListCache;
use twe_core::lang::{self, Lang};
use twe_core::rules::agenda::{self, Group, Item};

/// One line of the view: a group's heading or a thing to do.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Line {
    /// A group's heading, with how many rows it has.
    Heading(Group, usize),
    /// An agenda item of entry `.0`.
    Item(usize, Item),
    /// An overdue finding: entry, finding index, the day it was due.
    Overdue(usize, usize, chrono::NaiveDate),
}

/// The agenda view: its lines, rebuilt when the workspace or the list changes.
#[derive(Default)]
pub struct AgendaView {
    lines: Vec<Line>,
    /// How many of the lines are items still to do, and how many are overdue: counted when
    /// the lines are made, not every frame.
    counts: (usize, usize),
    /// The workspace generation and list rows the lines were built from.
    built_for: Option<(u64, u64)>,
    /// Whether a calendar export names the clients.
    names: bool,
    /// Whether a calendar export leaves the overdue findings out (they go in by default,
    /// marked as overdue, on the reference date).
    without_overdue: bool,
    /// Whether the overdue section is folded to its heading (494 overdue lines hid what is
    /// due this week).
    overdue_folded: bool,
}

impl AgendaView {
    /// Rebuilds the lines if the workspace or the listed rows changed.
    fn refresh(&mut self, cx: &ViewCx<'_>, rows: &ListCache) {
        let key = (cx.ws.generation(), rows.version());
        if self.built_for == Some(key) {
            return;
        }
        self.built_for = Some(key);
        self.lines = lines(cx, rows);
        self.counts = self.lines.iter().fold((0, 0), |(items, late), l| match l {
            Line::Item(..) => (items + 1, late),
            Line::Overdue(..) => (items, late + 1),
            Line::Heading(..) => (items, late),
        });
    }

    /// The items the view lists (without headings or overdue findings), for the export.
    fn items(&self) -> impl Iterator<Item = (usize, Item)> + '_ {
        self.lines.iter().filter_map(|l| match l {
            Line::Item(e, i) => Some((*e, *i)),
            _ => None,
        })
    }

    /// The calendar of the items listed, and of the overdue findings unless left out.
    fn calendar(&self, cx: &ViewCx<'_>) -> String {
        let items: Vec<(&twe_core::model::Dossier, Item)> = self
            .items()
            .filter_map(|(e, i)| Some((cx.ws.entry(e)?.dossier(), i)))
            .collect();
        let late: Vec<twe_documents::ics::Late<'_>> = if self.without_overdue {
            Vec::new()
        } else {
            self.lines
                .iter()
                .filter_map(|l| match *l {
                    Line::Overdue(e, f, _) => {
                        let entry = cx.ws.entry(e)?;
                        let finding = entry.findings().get(f)?;
                        twe_documents::ics::Late::of(
                            entry.dossier(),
                            finding,
                            cx.ws.today(),
                            cx.lang,
                        )
                    }
                    _ => None,
                })
                .collect()
        };
        twe_documents::ics::calendar_with(
            &items,
            &late,
            cx.ws.today(),
            &twe_documents::ics::Options {
                lang: cx.lang,
                names: self.names,
                stamp: twe_documents::ics::now(),
            },
        )
    }

    /// The lines, virtualized: only those in view are built.
    fn lines_ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        let row_height = ui.spacing().interact_size.y.max(22.0);
        // The overdue lines follow their heading at the top: folded, the rows skip them
        // (shown row k > 0 is line k + their count), still O(rows shown).
        let overdue = match self.lines.first() {
            Some(Line::Heading(Group::Overdue, n)) if self.overdue_folded => *n,
            _ => 0,
        };
        let mut toggle = false;
        egui::ScrollArea::vertical().auto_shrink(false).show_rows(
            ui,
            row_height,
            self.lines.len() - overdue,
            |ui, range| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                    let shown = range.map(|k| if k == 0 { 0 } else { k + overdue });
                    for line in shown.filter_map(|k| self.lines.get(k)) {
                        match *line {
                            Line::Heading(Group::Overdue, n) => {
                                let mark = if self.overdue_folded { "▶" } else { "⏷" };
                                let text = format!("{mark} {} ({n})", Group::Overdue.label(lang));
                                let rich = egui::RichText::new(text).strong().color(
                                    super::palette::severity(
                                        twe_core::rules::Severity::Warning,
                                        cx.dark(),
                                    ),
                                );
                                let hint = if self.overdue_folded {
                                    lang.pick("Openvouwen", "Unfold")
                                } else {
                                    lang.pick("Dichtvouwen", "Fold")
                                };
                                // At the left, as the other headings are.
                                let clicked = ui
                                    .allocate_ui_with_layout(
                                        egui::vec2(ui.available_width(), row_height),
                                        egui::Layout::left_to_right(egui::Align::Center),
                                        |ui| {
                                            ui.add(
                                                egui::Button::new(rich).frame_when_inactive(false),
                                            )
                                            .on_hover_text(hint)
                                            .clicked()
                                        },
                                    )
                                    .inner;
                                if clicked {
                                    toggle = true;
                                }
                            }
                            Line::Heading(g, n) => {
                                let text = format!("{} ({n})", g.label(lang));
                                let rich = egui::RichText::new(text).strong();
                                ui.allocate_ui_with_layout(
                                    egui::vec2(ui.available_width(), row_height),
                                    egui::Layout::left_to_right(egui::Align::Center),
                                    |ui| ui.label(rich),
                                );
                            }
                            Line::Item(e, item) => {
                                if let Some(cells) = item_cells(cx, e, &item, lang)
                                    && row(ui, &cells, row_height).clicked()
                                {
                                    out.push(open_item(cx, e, &item));
                                }
                            }
                            Line::Overdue(e, f, due) => {
                                if let Some(cells) = overdue_cells(cx, e, f, due, lang)
                                    && row(ui, &cells, row_height).clicked()
                                {
                                    let instrument = cx
                                        .ws
                                        .entry(e)
                                        .and_then(|x| x.findings().get(f))
                                        .and_then(|x| x.instruments.first().copied());
                                    out.push(Action::Select(Select::OpenItem {
                                        entry: e,
                                        instrument,
                                        finding: Some(f),
                                    }));
                                }
                            }
                        }
                    }
                });
            },
        );
        if toggle {
            self.overdue_folded = !self.overdue_folded;
        }
    }
}

/// A row's columns: due date, days left, dossier id, client, what to do.
struct Cells {
    date: String,
    left: String,
    late: bool,
    id: String,
    client: String,
    what: String,
}

impl Cells {
    /// The row as one sentence, for screen readers.
    fn label(&self) -> String {
        let client = if self.client.is_empty() {
            String::new()
        } else {
            format!(" · {}", self.client)
        };
        format!(
            "{} · {} · {}{client} — {}",
            self.date, self.left, self.id, self.what
        )
    }
}

/// Widths of the fixed columns: date, days left, id, client (the action takes the rest).
const COLUMNS: [f32; 4] = [96.0, 136.0, 140.0, 150.0];
/// The same in a narrow window (1024×600 leaves the agenda about 700 points).
const NARROW_COLUMNS: [f32; 4] = [88.0, 132.0, 128.0, 108.0];

/// One clickable, focusable row drawn as columns, named for AccessKit by its sentence.
fn row(ui: &mut egui::Ui, cells: &Cells, height: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    let label = cells.label();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), &label));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        if response.hovered() || response.has_focus() {
            ui.painter()
                .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
        }
        if response.has_focus() {
            ui.painter().rect_stroke(
                rect,
                visuals.corner_radius,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
        let text_color = visuals.text_color();
        let late_color =
            super::palette::severity(twe_core::rules::Severity::Warning, ui.visuals().dark_mode);
        // Narrow windows keep the client (the counsellor works by name) in narrower
        // columns; the action takes what is left, cut with an ellipsis.
        let widths = if rect.width() > 760.0 {
            COLUMNS
        } else {
            NARROW_COLUMNS
        };
        let mut x = rect.left() + 6.0;
        let cols: [(&str, f32, egui::Color32); 5] = [
            (&cells.date, widths[0], text_color),
            (
                &cells.left,
                widths[1],
                if cells.late { late_color } else { text_color },
            ),
            (&cells.id, widths[2], text_color),
            (&cells.client, widths[3], text_color),
            (&cells.what, f32::INFINITY, text_color),
        ];
        for (text, width, color) in cols {
            let width = width.min(rect.right() - x - 4.0);
            if width <= 0.0 {
                continue;
            }
            let galley = egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Truncate),
                width - 8.0,
                egui::TextStyle::Body,
            );
            let pos = egui::pos2(x, rect.center().y - galley.size().y / 2.0);
            ui.painter().galley(pos, galley, color);
            x += width;
        }
    }
    // A long action is cut to the row; its whole text shows on hover.
    response.on_hover_text(&cells.what)
}

fn item_cells(cx: &ViewCx<'_>, e: usize, item: &Item, lang: Lang) -> Option<Cells> {
    let d = cx.ws.entry(e)?.dossier();
    let mut what = item.message(d, lang);
    // Before planning the next instrument or uploading the documents, the last contact
    // matters: the latest note is named (its day and kind; its words stay in the dossier).
    if matches!(
        item.kind,
        agenda::Kind::NextInstrument | agenda::Kind::DocumentsUpload
    ) && let Some(note) = d.notes.iter().max_by_key(|n| n.date)
    {
        what = format!(
            "{what} · {} {} ({})",
            lang.pick("laatste notitie", "latest note"),
            lang::date(note.date, lang),
            note.kind.label(lang)
        );
    }
    Some(Cells {
        date: lang::date(item.due.day, lang),
        left: agenda::days_left(item.due.day, cx.ws.today(), lang),
        late: false,
        id: d.id.clone(),
        client: d.client.clone(),
        what,
    })
}

fn overdue_cells(
    cx: &ViewCx<'_>,
    e: usize,
    f: usize,
    due: chrono::NaiveDate,
    lang: Lang,
) -> Option<Cells> {
    let entry = cx.ws.entry(e)?;
    let finding = entry.findings().get(f)?;
    let d = entry.dossier();
    Some(Cells {
        date: lang::date(due, lang),
        left: agenda::days_left(due, cx.ws.today(), lang),
        late: true,
        id: d.id.clone(),
        client: d.client.clone(),
        what: finding.message(d, lang),
    })
}

/// What a click on an item opens: the instrument it follows, or the year's finding.
fn open_item(cx: &ViewCx<'_>, e: usize, item: &Item) -> Action {
    let finding = item.due.year.and_then(|from| {
        cx.ws
            .entry(e)?
            .findings()
            .iter()
            .position(|f| f.rule.id == "fewer-than-two-per-year" && f.from == Some(from))
    });
    Action::Select(Select::OpenItem {
        entry: e,
        instrument: item.due.instrument,
        finding,
    })
}

/// The view's lines for the listed dossiers: overdue findings first (oldest first), then
/// the items by group, each sorted by due date and dossier id.
fn lines(cx: &ViewCx<'_>, rows: &ListCache) -> Vec<Line> {
    let ws = cx.ws;
    let today = ws.today();
    let listed = &rows.rows;
    let mut overdue: Vec<(chrono::NaiveDate, usize, usize)> = Vec::new();
    for &e in listed {
        let Some(entry) = ws.entry(e) else { continue };
        for (k, f) in entry.findings().iter().enumerate() {
            if let Some(due) = agenda::overdue(f, entry.dossier(), today) {
                overdue.push((due, e, k));
            }
        }
    }
    let id = |e: usize| ws.entry(e).map_or("", |x| x.dossier().id.as_str());
    // Keys beside the rows: comparing through the entries was most of a rebuild's time.
    overdue.sort_by_cached_key(|&(due, e, k)| (due, id(e), k));
    // Sorted by due date and id, as the workspace keeps them per entry.
    let items = ws.agenda_of(listed);
    let mut out = Vec::with_capacity(overdue.len() + items.len() + 5);
    if !overdue.is_empty() {
        out.push(Line::Heading(Group::Overdue, overdue.len()));
        out.extend(
            overdue
                .into_iter()
                .map(|(due, e, k)| Line::Overdue(e, k, due)),
        );
    }
    for group in &Group::ALL[1..] {
        let of_group: Vec<Line> = items
            .iter()
            .filter(|(_, i)| Group::of(i.due.day, today) == *group)
            .map(|&(e, i)| Line::Item(e, i))
            .collect();
        if !of_group.is_empty() {
            out.push(Line::Heading(*group, of_group.len()));
            out.extend(of_group);
        }
    }
    out
}

impl Panel for AgendaView {
    /// Draws the view.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let Some(rows) = cx.listed else {
            return;
        };
        let lang = cx.lang;
        self.refresh(cx, rows);
        ui.horizontal_wrapped(|ui| {
            ui.heading(lang.pick("Agenda", "Agenda"));
            ui.weak(format!(
                "{} {}",
                lang.pick("op", "on"),
                lang::long_date(cx.ws.today(), lang)
            ));
            ui.separator();
            // What the calendar would hold: the items listed, and what is overdue unless it
            // is left out (only overdue items made the button grey, with no word why).
            let (items, overdue) = self.counts;
            let count = items + if self.without_overdue { 0 } else { overdue };
            let export = ui
                .add_enabled(
                    count > 0,
                    egui::Button::new(lang.pick(
                        "📅 Naar agenda exporteren…",
                        "📅 Export to calendar…",
                    )),
                )
                .on_hover_text(lang.pick(
                    "Een iCalendar-bestand voor Outlook of Thunderbird: een latere export verplaatst \
                     de afspraken in plaats van ze te verdubbelen.",
                    "An iCalendar file for Outlook or Thunderbird: a later export moves the events \
                     instead of adding them again.",
                ))
                .on_disabled_hover_text(if overdue > 0 {
                    lang.pick(
                        "Niets om te exporteren: er staat niets meer te doen, en wat te laat is, \
                         is weggelaten (vink 'met wat te laat is' aan).",
                        "Nothing to export: nothing is still to do, and what is overdue is left \
                         out (tick 'with what is overdue').",
                    )
                } else {
                    lang.pick(
                        "Niets om te exporteren: de dossiers in de lijst hebben niets te doen.",
                        "Nothing to export: the dossiers listed have nothing to do.",
                    )
                });
            ui.checkbox(
                &mut self.names,
                lang.pick("met namen van cliënten", "with client names"),
            )
            .on_hover_text(lang.pick(
                "Agenda's worden naar servers gesynchroniseerd: zonder namen staat er alleen het \
                 dossiernummer in.",
                "Calendars sync to servers: without names only the dossier id is in them.",
            ));
            let mut with_overdue = !self.without_overdue;
            ui.checkbox(
                &mut with_overdue,
                lang.pick("met wat te laat is", "with what is overdue"),
            )
            .on_hover_text(lang.pick(
                "Wat te laat is, komt op de referentiedatum in de agenda, als TE LAAT gemarkeerd.",
                "What is overdue goes in on the reference date, marked OVERDUE.",
            ));
            self.without_overdue = !with_overdue;
            if export.clicked() {
                out.push(Action::Shell(Shell::Dialog(Request::ExportIcs(self.calendar(cx)))));
            }
        });
        ui.weak(lang.pick(
            "De dossiers van de lijst links; filter daar op begeleider, fase of regel.",
            "The dossiers of the list on the left; filter there by counsellor, phase or rule.",
        ));
        ui.separator();
        if self.lines.is_empty() {
            ui.label(lang.pick(
                "Niets te doen in de getoonde dossiers.",
                "Nothing to do in the dossiers shown.",
            ));
            return;
        }
        self.lines_ui(cx, ui, out);
    }
}

#[cfg(test)]
mod tests {
    use super::{COLUMNS, NARROW_COLUMNS};
    use twe_core::lang::Lang;

    /// The "days late" column holds its longest words whole, in both languages and both
    /// widths ("3141 dagen te laat" was cut at 1024×600).
    #[test]
    fn the_days_late_column_holds_four_digits_of_days() {
        let ctx = egui::Context::default();
        let mut widest = 0.0_f32;
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
            for lang in [Lang::Nl, Lang::En] {
                for back in [9_999_i64, 1] {
                    let due = today - chrono::Duration::days(back);
                    let text = twe_core::rules::agenda::days_left(due, today, lang);
                    let galley = egui::WidgetText::from(text).into_galley(
                        ui,
                        None,
                        f32::INFINITY,
                        egui::TextStyle::Body,
                    );
                    widest = widest.max(galley.size().x);
                }
            }
        });
        out.textures_delta.clear();
        assert!(widest > 50.0, "measured: {widest}");
        for widths in [COLUMNS, NARROW_COLUMNS] {
            assert!(widest <= widths[1] - 8.0, "{widest} in {}", widths[1]);
        }
    }
}

//! The caseload view: every dossier of the list as a row on one shared time axis. Rows have
//! a fixed height and scroll (only the rows in view are drawn), the axis stays above them,
//! and the rows can be grouped by OCMW, by guiding organisation or by findings, in the
//! list's order; opening a dossier elsewhere scrolls the caseload to it.

use super::action::{Action, Select};
use super::cx::ViewCx;
use super::palette;
use super::panel::Panel;
use super::rows::ListCache;
use crate::combo::Keys as _;
use chrono::{Datelike, NaiveDate};
use egui::{Color32, Rect, Sense, Stroke, pos2, vec2};
use twe_core::lang::{self, Lang};
use twe_core::rules::Severity;
use twe_core::workspace::Entry;

/// A row's height: a dossier always gets this much, however many there are.
const ROW_HEIGHT: f32 = 22.0;
/// The width of the rows' labels (id and marks) left of the time axis.
const LABEL_WIDTH: f32 = 250.0;
/// The height of the time axis above the rows.
const AXIS_HEIGHT: f32 = 22.0;

/// How the rows are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// One list, in the list's order.
    #[default]
    None,
    /// By OCMW.
    Ocmw,
    /// By the organisation that guides the client (or the OCMW itself).
    Organisation,
    /// Dossiers with errors, with warnings only, and without.
    Findings,
}

impl Grouping {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Grouping::None => lang.pick("geen groepen", "no groups"),
            Grouping::Ocmw => "OCMW",
            Grouping::Organisation => lang.pick("organisatie", "organisation"),
            Grouping::Findings => lang.pick("bevindingen", "findings"),
        }
    }
}

/// One row of the caseload.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    /// A group's heading: its key and how many dossiers it holds.
    Heading(GroupKey, usize),
    /// A dossier (index into the workspace).
    Dossier(usize),
}

/// What a group is, worded when drawn (so a change of language needs no new rows).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum GroupKey {
    /// A name (an OCMW, an organisation).
    Name(String),
    /// Guided by the OCMW itself.
    OcmwItself,
    /// By the worst severity: 0 errors, 1 warnings only, 2 none.
    Worst(u8),
}

impl GroupKey {
    fn title(&self, lang: Lang) -> String {
        match self {
            GroupKey::Name(n) => n.clone(),
            GroupKey::OcmwItself => lang.pick("het OCMW zelf", "the OCMW itself").into(),
            GroupKey::Worst(0) => lang.pick("met fouten", "with errors").into(),
            GroupKey::Worst(1) => lang.pick("met waarschuwingen", "with warnings").into(),
            GroupKey::Worst(_) => lang
                .pick(
                    "zonder fouten of waarschuwingen",
                    "without errors or warnings",
                )
                .into(),
        }
    }
}

/// The caseload view.
#[derive(Default)]
pub struct Caseload {
    /// How the rows are grouped.
    grouping: Grouping,
    /// The rows, made again only when the list's rows or the grouping change.
    rows: Vec<Row>,
    /// What `rows` were made for: the list's version and the grouping.
    made_for: Option<(u64, Grouping)>,
    /// The open dossier the view last scrolled to.
    followed: Option<usize>,
}

impl Caseload {
    /// Makes the rows again if the list's rows or the grouping changed.
    fn refresh(&mut self, cx: &ViewCx<'_>, list: &ListCache) {
        let key = (list.version(), self.grouping);
        if self.made_for == Some(key) {
            return;
        }
        self.made_for = Some(key);
        let entries = cx.ws.entries();
        let group_of = |i: usize| -> GroupKey {
            let e = &entries[i];
            match self.grouping {
                Grouping::None => GroupKey::Worst(0),
                Grouping::Ocmw => GroupKey::Name(e.dossier().ocmw.clone()),
                Grouping::Organisation => e
                    .dossier()
                    .guided_by
                    .clone()
                    .map_or(GroupKey::OcmwItself, GroupKey::Name),
                Grouping::Findings => {
                    let c = e.counts();
                    GroupKey::Worst(if c.errors > 0 {
                        0
                    } else if c.warnings > 0 {
                        1
                    } else {
                        2
                    })
                }
            }
        };
        self.rows = if self.grouping == Grouping::None {
            list.rows.iter().map(|&i| Row::Dossier(i)).collect()
        } else {
            let mut groups: std::collections::BTreeMap<GroupKey, Vec<usize>> =
                std::collections::BTreeMap::new();
            for &i in &list.rows {
                groups.entry(group_of(i)).or_default().push(i);
            }
            let mut rows = Vec::with_capacity(list.rows.len() + groups.len());
            for (key, members) in groups {
                rows.push(Row::Heading(key, members.len()));
                rows.extend(members.into_iter().map(Row::Dossier));
            }
            rows
        };
    }

    /// The row to scroll to when the open dossier changed elsewhere.
    fn follow(&mut self, cx: &ViewCx<'_>) -> Option<usize> {
        if cx.sel.entry == self.followed {
            return None;
        }
        self.followed = cx.sel.entry;
        let e = cx.sel.entry?;
        self.rows.iter().position(|r| *r == Row::Dossier(e))
    }
}

/// Days on the horizontal axis: from a first to a last day, over a width of pixels.
struct Axis {
    from: NaiveDate,
    days: f32,
}

impl Axis {
    fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            from,
            days: ((to - from).num_days().max(1)) as f32,
        }
    }

    /// Where day `d` lies in `area`.
    fn x(&self, d: NaiveDate, area: Rect) -> f32 {
        area.left() + area.width() * (d - self.from).num_days() as f32 / self.days
    }

    /// Year lines with their year, and quarter lines when there is room.
    fn draw_ticks(&self, painter: &egui::Painter, area: Rect, lang: Lang, color: Color32) {
        let px_per_year = area.width() * 365.0 / self.days;
        let Some(mut d) = NaiveDate::from_ymd_opt(self.from.year(), 1, 1) else {
            return;
        };
        let step = if px_per_year > 240.0 { 3 } else { 12 };
        let end = self.from + chrono::Days::new(self.days as u64);
        while d <= end {
            let x = self.x(d, area);
            if area.x_range().contains(x) {
                let label = if d.month() == 1 {
                    d.year().to_string()
                } else {
                    twe_core::model::timeline::month_label(d, lang)
                };
                painter.line_segment(
                    [pos2(x, area.bottom() - 6.0), pos2(x, area.bottom())],
                    Stroke::new(1.0, color),
                );
                painter.text(
                    pos2(x + 3.0, area.center().y),
                    egui::Align2::LEFT_CENTER,
                    label,
                    egui::FontId::proportional(12.0),
                    color,
                );
            }
            d = d
                .checked_add_months(chrono::Months::new(step))
                .unwrap_or(NaiveDate::MAX);
        }
    }
}

/// A group's heading row.
fn heading_ui(ui: &egui::Ui, rect: Rect, title: &str) {
    ui.painter()
        .rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    ui.painter().text(
        pos2(rect.left() + 4.0, rect.center().y),
        egui::Align2::LEFT_CENTER,
        title,
        egui::FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
    );
}

/// One dossier's row: its label, its trajectory's band and its instruments' bars.
fn dossier_row_ui(
    ui: &egui::Ui,
    cx: &ViewCx<'_>,
    axis: &Axis,
    rect: Rect,
    e: &Entry,
    selected: bool,
) {
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, 0.0, ui.visuals().selection.bg_fill);
    }
    let c = e.counts();
    let worst = if c.errors > 0 {
        Some(Severity::Error)
    } else if c.warnings > 0 {
        Some(Severity::Warning)
    } else {
        None
    };
    // On the selection's fill, the selection's text colour (the marks still count).
    let color = if selected {
        ui.visuals().selection.stroke.color
    } else {
        worst.map_or(ui.visuals().text_color(), |s| {
            palette::severity(s, cx.dark())
        })
    };
    painter.text(
        pos2(rect.left() + 4.0, rect.center().y),
        egui::Align2::LEFT_CENTER,
        row_label(e, cx.lang),
        egui::FontId::proportional(13.0),
        color,
    );
    let area = Rect::from_min_max(
        pos2(rect.left() + LABEL_WIDTH, rect.top()),
        rect.right_bottom(),
    );
    let d = e.dossier();
    let band = |a: NaiveDate, b: NaiveDate, shrink: f32| {
        let (x0, x1) = (axis.x(a, area), axis.x(b + chrono::Days::new(1), area));
        Rect::from_min_max(
            pos2(x0, rect.top() + shrink),
            pos2(x1.max(x0 + 1.0), rect.bottom() - shrink),
        )
    };
    painter.rect_filled(
        band(d.start, d.last_day(), 3.0),
        2.0,
        palette::window_fill(cx.dark()),
    );
    for inst in &d.instruments {
        if inst.end < inst.start {
            continue;
        }
        let t = inst.kind.kind_type();
        painter.rect(
            band(inst.start, inst.end, 6.0),
            1.0,
            palette::instrument(t),
            Stroke::new(1.0, palette::instrument_edge(t, cx.dark())),
            egui::StrokeKind::Inside,
        );
    }
}

/// A row's label: id, client and marks (the counsellor works by name; the presentation,
/// the one view for a room, never shows the caseload).
fn row_label(e: &Entry, lang: Lang) -> String {
    use std::fmt::Write as _;
    let c = e.counts();
    let d = e.dossier();
    let mut label = d.id.clone();
    if !d.client.trim().is_empty() {
        let _ = write!(label, " · {}", d.client);
    }
    for (n, s) in [(c.errors, Severity::Error), (c.warnings, Severity::Warning)] {
        if n > 0 {
            let _ = write!(label, "  {} {n}", palette::severity_icon(s));
        }
    }
    if e.is_dirty() {
        label.push_str(lang.pick("  • niet bewaard", "  • unsaved"));
    }
    label
}

/// What hovering a row tells: id, OCMW, dates and counts (no client name).
fn row_tooltip(e: &Entry, lang: Lang) -> String {
    let (d, c) = (e.dossier(), e.counts());
    format!(
        "{} · OCMW {}\n{} – {}\n{} · {}",
        d.id,
        d.ocmw,
        lang::date(d.start, lang),
        lang::date(d.last_day(), lang),
        Severity::Error.count(c.errors.into(), lang),
        Severity::Warning.count(c.warnings.into(), lang),
    )
}

impl Panel for Caseload {
    /// Draws the caseload of `list`'s rows; clicking a row opens its dossier.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let Some(list) = cx.listed else {
            return;
        };
        let lang = cx.lang;
        ui.horizontal(|ui| {
            ui.heading("Caseload");
            ui.label(format!(
                "{} {}",
                lang::number(list.rows.len() as i64, lang),
                lang.pick(
                    "dossiers (de filters van de lijst gelden)",
                    "dossiers (the list's filters apply)"
                )
            ));
            ui.separator();
            let l = ui.label(lang.pick("Groeperen", "Group"));
            egui::ComboBox::from_id_salt("caseload-grouping")
                .selected_text(self.grouping.label(lang))
                .show_ui(ui, |ui| {
                    for g in [
                        Grouping::None,
                        Grouping::Ocmw,
                        Grouping::Organisation,
                        Grouping::Findings,
                    ] {
                        ui.selectable_value(&mut self.grouping, g, g.label(lang));
                    }
                })
                .keys(ui)
                .labelled_by(l.id);
        });
        if list.rows.is_empty() {
            ui.label(lang.pick("Geen dossiers.", "No dossiers."));
            return;
        }
        self.refresh(cx, list);
        let (from, to) = list.span(cx.ws);
        // A month of margin on either side, so the first and last bars stand free.
        let axis = Axis::new(from - chrono::Days::new(31), to + chrono::Days::new(31));
        let width = ui.available_width();
        let (axis_rect, _) = ui.allocate_exact_size(vec2(width, AXIS_HEIGHT), Sense::hover());
        let timeline = Rect::from_min_max(
            pos2(axis_rect.left() + LABEL_WIDTH, axis_rect.top()),
            axis_rect.right_bottom(),
        );
        axis.draw_ticks(ui.painter(), timeline, lang, ui.visuals().text_color());
        let scroll_to = self.follow(cx);
        let mut area = egui::ScrollArea::vertical()
            .auto_shrink(false)
            .id_salt("caseload-rows");
        if let Some(row) = scroll_to {
            let visible = ui.available_height();
            area = area.vertical_scroll_offset((row as f32 * ROW_HEIGHT - visible / 2.0).max(0.0));
        }
        let rows = &self.rows;
        let output = area.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for row in &rows[range] {
                let (rect, response) =
                    ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::click());
                match row {
                    Row::Heading(key, n) => {
                        let title =
                            format!("{} ({})", key.title(lang), lang::number(*n as i64, lang));
                        heading_ui(ui, rect, &title);
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &title)
                        });
                    }
                    Row::Dossier(i) => {
                        let Some(e) = cx.ws.entry(*i) else { continue };
                        dossier_row_ui(ui, cx, &axis, rect, e, cx.sel.entry == Some(*i));
                        let label = row_label(e, lang);
                        let response = response.on_hover_text(row_tooltip(e, lang));
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        if response.clicked() {
                            self.followed = Some(*i);
                            out.push(Action::Select(Select::OpenEntry(*i)));
                        }
                    }
                }
            }
        });
        // Today, across every row in view.
        let x = axis.x(cx.ws.today(), timeline);
        if timeline.x_range().contains(x) {
            let r = output.inner_rect;
            ui.painter().line_segment(
                [pos2(x, r.top()), pos2(x, r.bottom())],
                Stroke::new(1.5, palette::today(cx.dark())),
            );
        }
    }
}

//! The findings panel of the open dossier: what is wrong, why, where, and quick fixes.

use super::action::{Action, Edit, Select, Setting};
use super::command::Command;
use super::cx::ViewCx;
use super::palette;
use super::panel::Panel;
use twe_core::lang::Lang;
use twe_core::rules::fixes::{Fix, fixes};
use twe_core::rules::{Finding, Severity, SeverityCounts};
use twe_core::workspace::{EditKey, Entry};

/// The finding after (`dir` = 1) or before (−1) `current`, wrapping around (F8 / Shift+F8);
/// `None` when there are no findings.
pub fn step(findings: usize, current: Option<usize>, dir: i64) -> Option<usize> {
    let n = i64::try_from(findings).ok().filter(|&n| n > 0)?;
    let k = match current {
        Some(k) => (k as i64 + dir).rem_euclid(n),
        None if dir > 0 => 0,
        None => n - 1,
    };
    usize::try_from(k).ok()
}

/// The quick fixes of one dossier's findings, per finding, and what they were made for.
struct FixCache {
    /// The entry and workspace generation they are for.
    key: (usize, u64),
    /// One list per finding.
    fixes: Vec<Vec<Fix>>,
}

/// The findings panel.
#[derive(Default)]
pub struct FindingsPanel {
    /// Quick fixes of the open dossier, computed once per change of it (not per frame).
    cache: Option<FixCache>,
    /// The fix whose effect was shown in the last frame: entry, finding, fix.
    previewing: Option<(usize, (usize, usize))>,
    /// The selected finding last brought into view (entry, finding): a finding selected
    /// with F8 below the panel's edge is scrolled to once, not every frame.
    shown: Option<(usize, usize)>,
}

impl FindingsPanel {
    /// The quick fixes of entry `i`'s findings, computed when the workspace changed.
    fn fixes_of(&mut self, cx: &ViewCx<'_>, i: usize, entry: &Entry) -> &[Vec<Fix>] {
        let key = (i, cx.ws.generation());
        if self.cache.as_ref().is_none_or(|c| c.key != key) {
            let ctx = cx.ws.ctx();
            let fixes = entry
                .findings()
                .iter()
                .map(|f| fixes(f, entry.dossier(), entry.findings(), &ctx))
                .collect();
            self.cache = Some(FixCache { key, fixes });
        }
        self.cache.as_ref().map_or(&[], |c| &c.fixes)
    }
}

/// The heading: counts per severity, and the previous and next buttons.
fn header_ui(cx: &ViewCx<'_>, ui: &mut egui::Ui, c: SeverityCounts, out: &mut Vec<Action>) {
    let lang = cx.lang;
    // Wrapped: a narrow panel (1024 points wide) puts the buttons on a second line
    // instead of growing under the editor.
    ui.horizontal_wrapped(|ui| {
        ui.heading(lang.pick("Bevindingen", "Findings"));
        for (s, n) in [
            (Severity::Error, c.errors),
            (Severity::Warning, c.warnings),
            (Severity::Info, c.infos),
        ] {
            let words = s.count(n.into(), lang);
            ui.colored_label(
                palette::severity(s, ui.visuals().dark_mode),
                format!("{} {words}", palette::severity_icon(s)),
            );
        }
        ui.separator();
        for command in [Command::PreviousFinding, Command::NextFinding] {
            let hover = command.shortcut_text(ui.ctx(), lang).unwrap_or_default();
            if ui
                .button(command.label(lang))
                .on_hover_text(hover)
                .clicked()
            {
                out.extend(command.action(cx));
            }
        }
    });
}

/// One finding as a row of the panel.
struct Row<'a> {
    k: usize,
    finding: &'a Finding,
    entry: &'a Entry,
    selected: bool,
    fixes: &'a [Fix],
}

impl<'a> Row<'a> {
    /// Draws the row; `preview` becomes the dossier of a fix the pointer (or the keyboard
    /// focus) is on. Returns the row's message, the button that selects it.
    fn ui(
        &self,
        ui: &mut egui::Ui,
        entry_index: usize,
        lang: Lang,
        preview: &mut Option<((usize, usize), &'a twe_core::model::Dossier)>,
        out: &mut Vec<Action>,
    ) -> Option<egui::Response> {
        let f = self.finding;
        let s = f.severity();
        let mut shown = None;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                palette::severity(s, ui.visuals().dark_mode),
                format!("{} {}", palette::severity_icon(s), s.label(lang)),
            );
            // The rule by its name in the window's language; the id (which the command
            // line and the files use) beside it, weak, for whoever looks it up.
            ui.strong(f.rule.title.get(lang));
            ui.weak(egui::RichText::new(f.rule.id).monospace())
                .on_hover_text(lang.pick(
                    "De code van de regel (zo heet ze op de opdrachtregel en in JSON)",
                    "The rule's id (as the command line and JSON name it)",
                ));
            let message = f.message(self.entry.dossier(), lang);
            let button = ui.add(egui::Button::selectable(self.selected, message).wrap());
            if button.clicked() {
                out.push(Action::Select(Select::SelectFinding(self.k)));
            }
            shown = Some(button);
            for (j, fix) in self.fixes.iter().enumerate() {
                let button = ui.add(egui::Button::new(format!("🔧 {}", fix.label(lang))).wrap());
                if button.hovered() || button.has_focus() {
                    *preview = Some(((self.k, j), &fix.dossier));
                }
                if button.clicked() {
                    out.push(Action::Setting(Setting::Status(fix.label.clone())));
                    out.push(Action::Edit(Edit::Replace {
                        entry: entry_index,
                        dossier: fix.dossier.clone(),
                        key: EditKey::Single,
                    }));
                }
            }
        });
        let source = ui.weak(format!(
            "{}: {}",
            lang.pick("Bron", "Source"),
            f.rule.source.cite(lang)
        ));
        ui.add_space(4.0);
        // The whole row, from its first line to its source, is what is brought into view.
        shown.map(|message| message.union(source))
    }
}

impl Panel for FindingsPanel {
    /// Draws the panel: selecting a finding, stepping and quick fixes are actions.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        let Some((i, entry)) = cx.open_entry() else {
            return;
        };
        let previewing = self.previewing;
        let mut shown = self.shown;
        let all_fixes = self.fixes_of(cx, i, entry);
        let mut preview = None;
        // Ctrl+. applies the selected finding's first fix (its preview is on the timeline
        // while the finding is selected by keyboard and the fix button has the focus).
        if ui.input_mut(|input| Command::ApplyFix.consume(input))
            && let Some(fix) = cx
                .sel
                .finding
                .and_then(|k| all_fixes.get(k))
                .and_then(|f| f.first())
        {
            out.push(Action::Setting(Setting::Status(fix.label.clone())));
            out.push(Action::Edit(Edit::Replace {
                entry: i,
                dossier: fix.dossier.clone(),
                key: EditKey::Single,
            }));
        }
        header_ui(cx, ui, entry.counts(), out);
        ui.separator();
        // One scroll position per dossier: another dossier's list starts at its top.
        egui::ScrollArea::vertical()
            .id_salt(("findings", i))
            .auto_shrink(false)
            .show(ui, |ui| {
                // The file's own problem first (its id is another file's too): it was said
                // only in the status bar's count, nowhere on the dossier.
                let mut file_problems = 0;
                for e in entry
                    .path()
                    .into_iter()
                    .flat_map(|p| cx.ws.load_errors_of(p))
                {
                    file_problems += 1;
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            palette::severity(Severity::Error, ui.visuals().dark_mode),
                            format!(
                                "{} {}",
                                palette::severity_icon(Severity::Error),
                                lang.pick("het bestand", "the file")
                            ),
                        );
                        ui.label(e.message(lang));
                    });
                    ui.add_space(4.0);
                }
                if entry.findings().is_empty() && file_problems == 0 {
                    ui.label(lang.pick(
                        "Geen bevindingen: dit traject volgt elke regel.",
                        "No findings: this trajectory follows every rule.",
                    ));
                }
                for (k, f) in entry.findings().iter().enumerate() {
                    let row = Row {
                        k,
                        finding: f,
                        entry,
                        selected: cx.sel.finding == Some(k),
                        fixes: all_fixes.get(k).map_or(&[], Vec::as_slice),
                    };
                    let drawn = row.ui(ui, i, lang, &mut preview, out);
                    if row.selected
                        && shown != Some((i, k))
                        && let Some(drawn) = drawn
                    {
                        // Selected from the keyboard (F8) below or above the visible part:
                        // brought into view, as little as it takes.
                        drawn.scroll_to_me(None);
                        shown = Some((i, k));
                    }
                }
            });
        // What a fix would change is shown on the timeline while the pointer is on it
        // (said once when it starts, and once when it stops).
        let key = preview.map(|(k, _)| (i, k));
        if key != previewing {
            out.push(Action::Select(Select::PreviewFix(
                preview.map(|(_, d)| d.clone()),
            )));
        }
        self.previewing = key;
        self.shown = shown;
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn stepping_wraps_around_both_ways() {
        assert_eq!(step(0, None, 1), None);
        assert_eq!(step(3, None, 1), Some(0));
        assert_eq!(step(3, None, -1), Some(2));
        assert_eq!(step(3, Some(2), 1), Some(0));
        assert_eq!(step(3, Some(0), -1), Some(2));
    }
}

//! The findings panel of the open dossier: what is wrong, why, where, and quick fixes.

use super::palette;
use super::state::State;
use crate::rules::Severity;
use crate::rules::fixes::{Fix, fixes};
use crate::workspace::EditKey;

/// Selects the next (`dir` = 1) or previous (−1) finding, wrapping around (F8 / Shift+F8).
pub fn step(state: &mut State, dir: i64) {
    let Some(e) = state.sel.entry.and_then(|i| state.ws.entries.get(i)) else {
        return;
    };
    let n = e.findings.len() as i64;
    if n == 0 {
        return;
    }
    let k = match state.sel.finding {
        Some(k) => (k as i64 + dir).rem_euclid(n),
        None if dir > 0 => 0,
        None => n - 1,
    } as usize;
    state.sel.finding = Some(k);
    state.sel.instrument = e.findings[k].instruments.first().copied();
}

/// Draws the panel.
pub fn findings_ui(state: &mut State, ui: &mut egui::Ui) {
    let lang = state.lang;
    let Some(i) = state.sel.entry else { return };
    let generation = state.ws.generation();
    if !matches!(&state.fixes, Some((e, g, _)) if *e == i && *g == generation) {
        let fixes_now = state.ws.entries.get(i).map_or_else(Vec::new, |entry| {
            entry
                .findings
                .iter()
                .map(|f| fixes(f, &entry.dossier))
                .collect()
        });
        state.fixes = Some((i, generation, fixes_now));
    }
    let Some(entry) = state.ws.entries.get(i) else {
        return;
    };
    let no_fixes = Vec::new();
    let all_fixes = state.fixes.as_ref().map_or(&no_fixes, |(_, _, f)| f);
    let c = entry.counts;
    let mut select = None;
    let mut apply: Option<Fix> = None;
    let mut step_by = 0;
    ui.horizontal(|ui| {
        ui.heading(lang.pick("Bevindingen", "Findings"));
        for (s, n) in [
            (Severity::Error, c.errors),
            (Severity::Warning, c.warnings),
            (Severity::Info, c.infos),
        ] {
            ui.colored_label(
                palette::severity(s),
                format!("{} {n} {}", palette::severity_icon(s), s.label(lang)),
            );
        }
        ui.separator();
        if ui
            .button(lang.pick("◀ Vorige", "◀ Previous"))
            .on_hover_text("Shift+F8")
            .clicked()
        {
            step_by = -1;
        }
        if ui
            .button(lang.pick("Volgende ▶", "Next ▶"))
            .on_hover_text("F8")
            .clicked()
        {
            step_by = 1;
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            if entry.findings.is_empty() {
                ui.label(lang.pick(
                    "Geen bevindingen: dit traject volgt elke regel.",
                    "No findings: this trajectory follows every rule.",
                ));
            }
            for (k, f) in entry.findings.iter().enumerate() {
                let selected = state.sel.finding == Some(k);
                let s = f.severity();
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        palette::severity(s),
                        format!("{} {}", palette::severity_icon(s), s.label(lang)),
                    );
                    ui.monospace(f.rule.id);
                    let message = f.message(&entry.dossier, lang);
                    if ui
                        .add(egui::Button::selectable(selected, message))
                        .clicked()
                    {
                        select = Some(k);
                    }
                    for fix in all_fixes.get(k).into_iter().flatten() {
                        if ui.button(format!("🔧 {}", fix.label(lang))).clicked() {
                            apply = Some(fix.clone());
                        }
                    }
                });
                ui.weak(format!(
                    "{}: {}",
                    lang.pick("Bron", "Source"),
                    f.rule.source.cite(lang)
                ));
                ui.add_space(4.0);
            }
        });
    if let Some(k) = select {
        state.sel.finding = Some(k);
        state.sel.instrument = entry.findings[k].instruments.first().copied();
    }
    if step_by != 0 {
        step(state, step_by);
    }
    if let Some(fix) = apply {
        state.status = Some(fix.label(lang).to_string());
        state.apply(fix.dossier, EditKey::Single);
    }
}

//! Every colour the window uses, in one place. Instrument colours are the Okabe–Ito
//! colour-blind-safe palette; bars also carry a text label, so colour is never the only cue.

use crate::model::InstrumentType;
use crate::rules::Severity;
use egui::Color32;

/// The fill of an instrument's bar.
pub fn instrument(t: InstrumentType) -> Color32 {
    match t {
        InstrumentType::Bvs => Color32::from_rgb(0xE6, 0x9F, 0x00),
        InstrumentType::Art60 => Color32::from_rgb(0x00, 0x72, 0xB2),
        InstrumentType::Opleiding => Color32::from_rgb(0x00, 0x9E, 0x73),
        InstrumentType::Wes => Color32::from_rgb(0xCC, 0x79, 0xA7),
        InstrumentType::Ibo => Color32::from_rgb(0x56, 0xB4, 0xE9),
    }
}

/// The colour of a province in the statistics (Okabe–Ito; legends and tables name them too).
pub fn province(p: crate::reference::Province) -> Color32 {
    use crate::reference::Province as P;
    match p {
        P::Antwerpen => Color32::from_rgb(0x00, 0x72, 0xB2),
        P::Limburg => Color32::from_rgb(0xE6, 0x9F, 0x00),
        P::OostVlaanderen => Color32::from_rgb(0x00, 0x9E, 0x73),
        P::VlaamsBrabant => Color32::from_rgb(0xCC, 0x79, 0xA7),
        P::WestVlaanderen => Color32::from_rgb(0xD5, 0x5E, 0x00),
    }
}

/// The reference line of a target: a colour no province uses.
pub const TARGET: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);

/// The colour of a severity's icon and marks.
pub fn severity(s: Severity) -> Color32 {
    match s {
        Severity::Error => Color32::from_rgb(0xD5, 0x5E, 0x00),
        Severity::Warning => Color32::from_rgb(0xC8, 0x96, 0x00),
        Severity::Info => Color32::from_rgb(0x60, 0x8C, 0xC8),
    }
}

/// The icon of a severity; shape differs too, not only colour.
pub fn severity_icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "⛔",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

/// The shading of the 24-month window.
pub fn window_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(255, 255, 255, 10)
    } else {
        Color32::from_rgba_unmultiplied(0, 0, 0, 10)
    }
}

/// The line of the reference date.
pub const TODAY: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// The line of the art. 60§7 start deadline.
pub const DEADLINE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
/// Lines at the trajectory years and the end.
pub fn year_line(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(140)
    } else {
        Color32::from_gray(110)
    }
}
/// The outline of the selected bar.
pub fn selection(dark: bool) -> Color32 {
    if dark { Color32::WHITE } else { Color32::BLACK }
}
/// Text on a bar.
pub const BAR_TEXT: Color32 = Color32::WHITE;
/// The outline of a bar involved in the selected finding, or in any error.
pub const FINDING: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);

#[cfg(test)]
mod tests {
    /// Every character the window's code and the rule messages can draw has a glyph in the
    /// bundled fonts: a missing one would show as a box (and stops egui in tests).
    #[test]
    fn every_character_we_draw_has_a_glyph() {
        let sources = [
            include_str!("caseload.rs"),
            include_str!("dates.rs"),
            include_str!("dossier_list.rs"),
            include_str!("editor.rs"),
            include_str!("findings.rs"),
            include_str!("gantt.rs"),
            include_str!("help.rs"),
            include_str!("menu.rs"),
            include_str!("palette.rs"),
            include_str!("window.rs"),
            include_str!("shell.rs"),
            include_str!("dialogs.rs"),
            include_str!("status.rs"),
            include_str!("slides.rs"),
            include_str!("stats_pages.rs"),
            include_str!("stats_view.rs"),
            include_str!("chart_view.rs"),
            include_str!("../stats/charts.rs"),
            include_str!("../stats/audit.rs"),
            include_str!("timeline.rs"),
            include_str!("../rules/activity.rs"),
            include_str!("../rules/admin.rs"),
            include_str!("../rules/art60.rs"),
            include_str!("../rules/instruments.rs"),
            include_str!("../rules/trajectory.rs"),
            include_str!("../rules/fixes.rs"),
            include_str!("../rules/source.rs"),
            include_str!("../rules/params.rs"),
            include_str!("../lang.rs"),
            include_str!("../model/dossier.rs"),
            include_str!("../model/instrument.rs"),
        ];
        let ctx = egui::Context::default();
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        let mut missing: Vec<char> = Vec::new();
        for c in sources
            .iter()
            .flat_map(|s| s.chars())
            .filter(|c| !c.is_ascii())
        {
            let has = ctx.fonts_mut(|f| f.has_glyph(&egui::FontId::proportional(14.0), c));
            if !has && !missing.contains(&c) {
                missing.push(c);
            }
        }
        ctx.fonts_mut(|_| ());
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}

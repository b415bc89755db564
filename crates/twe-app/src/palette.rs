//! Every colour the window uses, in one place. Instrument colours are the Okabe–Ito
//! colour-blind-safe palette; bars also carry a text label, so colour is never the only cue.

use egui::Color32;
use twe_core::model::InstrumentType;
use twe_core::rules::Severity;

/// The fill of an instrument's bar.
pub fn instrument(t: InstrumentType) -> Color32 {
    let [r, g, b] = t.rgb();
    Color32::from_rgb(r, g, b)
}

/// The outline of an instrument's bar: its fill, darkened (light theme) or lightened (dark
/// theme) until it stands out from the background by 3:1 (WCAG 2.1, 1.4.11), so a pale bar
/// on white still has a visible edge.
pub fn instrument_edge(t: InstrumentType, dark: bool) -> Color32 {
    graphic(instrument(t), dark)
}

/// The colour of a province in the statistics (Okabe–Ito; legends and tables name them too).
pub fn province(p: twe_core::reference::Province) -> Color32 {
    let [r, g, b] = p.rgb();
    Color32::from_rgb(r, g, b)
}

/// The reference line of a target, in a colour no province uses: yellow on dark, near-black
/// on light (yellow vanishes on white).
pub fn target(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xF0, 0xE4, 0x42)
    } else {
        Color32::from_gray(40)
    }
}

/// The colour of a severity's icon, text and marks: legible as text on either theme.
pub fn severity(s: Severity, dark: bool) -> Color32 {
    let base = match s {
        Severity::Error => Color32::from_rgb(0xD5, 0x5E, 0x00),
        Severity::Warning => Color32::from_rgb(0xC8, 0x96, 0x00),
        Severity::Info => Color32::from_rgb(0x60, 0x8C, 0xC8),
    };
    text(base, dark)
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
pub fn today(dark: bool) -> Color32 {
    graphic(Color32::from_rgb(0xD5, 0x5E, 0x00), dark)
}
/// The line of the art. 60§7 start deadline.
pub fn deadline(dark: bool) -> Color32 {
    graphic(Color32::from_rgb(0x00, 0x72, 0xB2), dark)
}
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
/// The outline of a bar involved in the selected finding, or in any error.
pub fn finding(dark: bool) -> Color32 {
    severity(Severity::Error, dark)
}

/// Text drawn on a fill: black or white, whichever contrasts more (every instrument fill
/// reaches 4.5:1 with one of them; the palette test proves it).
pub fn text_on(fill: Color32) -> Color32 {
    if contrast(fill, Color32::BLACK) >= contrast(fill, Color32::WHITE) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// The window's look in a theme: egui's, with weak text made opaque and legible (egui's
/// own is a translucent grey at about 2.3:1, too faint for hints people need to read).
pub fn visuals(dark: bool) -> egui::Visuals {
    let mut v = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    v.weak_text_color = Some(if dark {
        Color32::from_gray(135)
    } else {
        Color32::from_gray(105)
    });
    // A text field (and a button) stands out from its panel by its border, 3:1 (egui's
    // own has none: a field was a slightly darker patch at 1.2:1).
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, field_border(dark));
    // The keyboard's place is seen: a focused widget is ringed in the selection colour,
    // 3:1 against the panel in both themes (egui's ring was 1 px of grey on menu items and
    // rows).
    v.widgets.active.bg_stroke = egui::Stroke::new(2.0, selection(dark));
    v
}

/// Gives back the focus ring inside a menu bar or menu, whose style (egui's `menu_style`)
/// takes every widget's border away: there the keyboard's place was not seen at all.
pub fn focus_ring(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    ui.style_mut().visuals.widgets.active.bg_stroke = egui::Stroke::new(2.0, selection(dark));
}

/// The border of a text field or button at rest: 3:1 against the theme's backgrounds.
pub fn field_border(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(118)
    } else {
        Color32::from_gray(128)
    }
}

/// Installs [`visuals`] for both themes, once per context.
pub fn install(ctx: &egui::Context) {
    if ctx
        .style_of(egui::Theme::Dark)
        .visuals
        .weak_text_color
        .is_none()
    {
        ctx.set_visuals_of(egui::Theme::Dark, visuals(true));
        ctx.set_visuals_of(egui::Theme::Light, visuals(false));
    }
}

/// The backgrounds a theme draws text and lines on: panels, and the plots' and text
/// fields' extreme background.
pub fn backgrounds(dark: bool) -> [Color32; 2] {
    let v = visuals(dark);
    [v.panel_fill, v.extreme_bg_color]
}

/// `c` as text: moved toward white (dark theme) or black (light theme) until it reaches
/// 4.5:1 against every background of the theme (WCAG 2.1 AA, 1.4.3).
pub fn text(c: Color32, dark: bool) -> Color32 {
    legible(c, dark, 4.5)
}

/// `c` as a line or mark that carries meaning: 3:1 against the theme's backgrounds
/// (WCAG 2.1 AA, 1.4.11).
pub fn graphic(c: Color32, dark: bool) -> Color32 {
    legible(c, dark, 3.0)
}

/// Mixes `c` with white (dark theme) or black (light theme) in small steps until it reaches
/// `ratio` against each background; the hue stays recognisable because it moves only as far
/// as needed.
fn legible(c: Color32, dark: bool, ratio: f32) -> Color32 {
    // Asked for a few dozen times a frame with a handful of colours: each answer is kept
    // (the search below takes a few hundred `powf`).
    type Kept = Vec<((Color32, bool, u32), Color32)>;
    thread_local! {
        static KEPT: std::cell::RefCell<Kept> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = (c, dark, ratio.to_bits());
    if let Some(found) = KEPT.with_borrow(|k| k.iter().find(|(q, _)| *q == key).map(|(_, a)| *a)) {
        return found;
    }
    let answer = search_legible(c, dark, ratio);
    KEPT.with_borrow_mut(|k| {
        // Bounded: the palette has a few dozen colours, never more.
        if k.len() < 256 {
            k.push((key, answer));
        }
    });
    answer
}

/// [`legible`]'s search.
fn search_legible(c: Color32, dark: bool, ratio: f32) -> Color32 {
    let toward = if dark { 255.0 } else { 0.0 };
    let bgs = backgrounds(dark);
    let mut out = c;
    for step in 0..=20u8 {
        if bgs.iter().all(|&bg| contrast(out, bg) >= ratio) {
            break;
        }
        let t = f32::from(step + 1) / 20.0;
        let mix = |v: u8| {
            let v = f32::from(v);
            // Clamped to 0..=255 before the cast: the cast cannot truncate.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let m = (v + (toward - v) * t).round().clamp(0.0, 255.0) as u8;
            m
        };
        out = Color32::from_rgb(mix(c.r()), mix(c.g()), mix(c.b()));
    }
    out
}

/// The WCAG contrast ratio of two opaque colours, 1 to 21 (`twe_core::colour`, which the
/// printed documents use too).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    twe_core::colour::contrast([a.r(), a.g(), a.b()], [b.r(), b.g(), b.b()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use twe_core::reference::Province;

    const THEMES: [bool; 2] = [false, true];

    fn assert_on_backgrounds(what: &str, c: Color32, dark: bool, ratio: f32) {
        for bg in backgrounds(dark) {
            let r = contrast(c, bg);
            assert!(
                r >= ratio,
                "{what} {c:?} on {bg:?} (dark: {dark}): {r:.2}:1 < {ratio}:1"
            );
        }
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-6);
        // #767676 on white is the classic lightest grey that passes AA: 4.54:1.
        let r = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((r - 4.54).abs() < 0.01, "{r}");
    }

    /// Text meets 4.5:1 in both themes: severity text, the theme's own text, and each bar's
    /// label on its fill.
    #[test]
    fn text_meets_wcag_aa_in_both_themes() {
        for dark in THEMES {
            for s in [Severity::Error, Severity::Warning, Severity::Info] {
                assert_on_backgrounds(&format!("{s:?} text"), severity(s, dark), dark, 4.5);
            }
            let v = visuals(dark);
            // A selected row's text (the dossier list drops the error colour there).
            let on_selection = contrast(v.selection.stroke.color, v.selection.bg_fill);
            assert!(on_selection >= 4.5, "selected row: {on_selection:.2}:1");
            assert_on_backgrounds("body text", v.text_color(), dark, 4.5);
            assert_on_backgrounds("weak text", v.weak_text_color(), dark, 4.5);
        }
        // The walkthrough's defect: black label text on the dark-blue art. 60§7 bar.
        assert_eq!(text_on(instrument(InstrumentType::Art60)), Color32::WHITE);
        for t in InstrumentType::ALL {
            let fill = instrument(t);
            let r = contrast(text_on(fill), fill);
            assert!(r >= 4.5, "label on {t:?} bar: {r:.2}:1");
        }
    }

    /// Lines and marks that carry meaning meet 3:1 in both themes.
    #[test]
    fn lines_meet_wcag_aa_in_both_themes() {
        for dark in THEMES {
            let lines = [
                ("target", target(dark)),
                ("today", today(dark)),
                ("deadline", deadline(dark)),
                ("year line", year_line(dark)),
                ("selection", selection(dark)),
                ("finding", finding(dark)),
                (
                    "field border",
                    visuals(dark).widgets.inactive.bg_stroke.color,
                ),
                ("focus ring", visuals(dark).widgets.active.bg_stroke.color),
            ];
            for (what, c) in lines {
                assert_on_backgrounds(what, c, dark, 3.0);
            }
            for t in InstrumentType::ALL {
                assert_on_backgrounds(&format!("{t:?} edge"), instrument_edge(t, dark), dark, 3.0);
            }
            for p in Province::ALL {
                assert_on_backgrounds(
                    &format!("{p:?} line"),
                    graphic(province(p), dark),
                    dark,
                    3.0,
                );
            }
        }
    }

    /// The adjustment moves a colour only as far as needed: colours that already pass stay.
    #[test]
    fn legible_colours_are_left_alone() {
        assert_eq!(graphic(Color32::BLACK, false), Color32::BLACK);
        assert_eq!(text(Color32::WHITE, true), Color32::WHITE);
        let blue = instrument(InstrumentType::Art60);
        assert_eq!(graphic(blue, false), blue);
    }
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
            include_str!("window/mod.rs"),
            include_str!("window/files.rs"),
            include_str!("window/edits.rs"),
            include_str!("window/documents.rs"),
            include_str!("command.rs"),
            include_str!("agenda_view.rs"),
            include_str!("import_view.rs"),
            include_str!("shell.rs"),
            include_str!("dialogs.rs"),
            include_str!("status.rs"),
            include_str!("slides.rs"),
            include_str!("stats_pages.rs"),
            include_str!("stats_view.rs"),
            include_str!("chart_view.rs"),
            include_str!("../../twe-core/src/stats/charts/mod.rs"),
            include_str!("../../twe-core/src/stats/charts/headline.rs"),
            include_str!("../../twe-core/src/stats/audit.rs"),
            include_str!("../../twe-core/src/about.rs"),
            include_str!("timeline.rs"),
            include_str!("../../twe-core/src/rules/activity.rs"),
            include_str!("../../twe-core/src/rules/admin.rs"),
            include_str!("../../twe-core/src/rules/art60.rs"),
            include_str!("../../twe-core/src/rules/instruments.rs"),
            include_str!("../../twe-core/src/rules/trajectory.rs"),
            include_str!("../../twe-core/src/rules/fixes.rs"),
            include_str!("../../twe-core/src/rules/source.rs"),
            include_str!("../../twe-core/src/rules/params.rs"),
            include_str!("../../twe-core/src/lang.rs"),
            include_str!("../../twe-core/src/model/dossier.rs"),
            include_str!("../../twe-core/src/model/instrument.rs"),
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

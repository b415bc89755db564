//! sRGB arithmetic the window and the printed documents share: WCAG luminance and contrast,
//! and a colour mixed towards white.

/// sRGB bytes.
pub type Rgb = [u8; 3];

/// The relative luminance of an sRGB colour (WCAG 2.1 definition).
pub fn relative_luminance(c: Rgb) -> f32 {
    let channel = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

/// The WCAG contrast ratio of two opaque colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `c` mixed towards white by `t` (0: as is, 1: white).
pub fn lighten(c: Rgb, t: f32) -> Rgb {
    c.map(|v| (f32::from(v) + (255.0 - f32::from(v)) * t).round() as u8)
}

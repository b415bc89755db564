//! What every panel is: it owns its own state, draws from the read-only context, and asks
//! for every change by pushing an action, which the window applies after drawing (Rerun's
//! panels, egui's demo `View`). The presentation is the one exception: its keys turn the
//! statistics view's choices, which it shares, so it takes them besides the context.

use super::action::Action;
use super::cx::ViewCx;

/// A panel of the window.
pub trait Panel {
    /// Draws the panel in `ui` from `cx`, pushing what it asks for to `out`.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>);
}

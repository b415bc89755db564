//! Drop-down lists by keyboard. egui opens a combo box's list with Space or Enter and lets
//! the arrows move through it, and Space or Enter pick an entry, but the list stays open
//! after a pick by key, and Esc leaves the focus nowhere. Every combo box of the window goes
//! through [`Keys::keys`]: a pick by key closes the list, and the focus stays on the combo
//! box after a pick or Esc, so Tab goes on from there.

/// A shown combo box's keyboard behaviour.
pub trait Keys {
    /// Closes the list after a pick by Enter or Space, keeps the focus on the combo box
    /// after a pick or Esc; returns the combo box's response.
    fn keys(self, ui: &egui::Ui) -> egui::Response;
}

impl<R> Keys for egui::InnerResponse<Option<R>> {
    fn keys(self, ui: &egui::Ui) -> egui::Response {
        let button = self.response;
        let (pick, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space),
                i.key_pressed(egui::Key::Escape),
            )
        });
        let escape = escape || closed_by_escape(ui.ctx());
        // Whether the list was open in the frame before: egui closes it on Esc before it
        // is drawn, and lets go of the focus.
        let was_open_id = button.id.with("combo-was-open");
        let was_open = ui.data(|d| d.get_temp::<bool>(was_open_id).unwrap_or(false));
        // The list was drawn this frame: it is open.
        let open = self.inner.is_some();
        let in_list = ui
            .memory(egui::Memory::focused)
            .is_some_and(|f| f != button.id);
        if (open && pick && in_list) || (escape && (open || was_open)) {
            egui::Popup::close_all(ui.ctx());
            button.request_focus();
        }
        let still_open = open && !(pick && in_list) && !escape;
        ui.data_mut(|d| d.insert_temp(was_open_id, still_open));
        button
    }
}

fn escape_id() -> egui::Id {
    egui::Id::unique("popups-closed-by-escape")
}

/// The window took this frame's Esc to close every open list or menu (before any panel
/// drew): the combo box whose list it was takes the focus back.
pub fn note_escape(ctx: &egui::Context) {
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| d.insert_temp(escape_id(), frame));
}

fn closed_by_escape(ctx: &egui::Context) -> bool {
    let frame = ctx.cumulative_frame_nr();
    ctx.data(|d| d.get_temp::<u64>(escape_id())) == Some(frame)
}

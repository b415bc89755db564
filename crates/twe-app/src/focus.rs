//! Fields a command puts the keyboard in: Ctrl+F in the list's search, a new dossier's
//! client. The command asks here; the panel that draws the field takes the request when it
//! draws it (the field may not be on screen in the frame the key is pressed).

/// A field a command can put the keyboard in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The dossier list's search.
    Search,
    /// The open dossier's client.
    Client,
    /// The text of the note just added (Ctrl+M).
    NewNote,
}

fn id() -> egui::Id {
    egui::Id::unique("focus-request")
}

/// Asks for the keyboard in `field` when next drawn.
pub fn request(ctx: &egui::Context, field: Field) {
    ctx.data_mut(|d| d.insert_temp(id(), Some(field)));
}

/// Whether `field` is asked for (without taking the request).
pub fn asked(ctx: &egui::Context, field: Field) -> bool {
    ctx.data(|d| d.get_temp::<Option<Field>>(id()).flatten()) == Some(field)
}

/// Gives `response` the keyboard if its field was asked for (once).
pub fn take(response: &egui::Response, field: Field) {
    let ctx = &response.ctx;
    if asked(ctx, field) {
        ctx.data_mut(|d| d.insert_temp::<Option<Field>>(id(), None));
        response.request_focus();
    }
}

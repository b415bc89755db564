//! The data of a dossier and the calendar arithmetic its rules rely on. No GUI here.

pub mod bounds;
pub mod calendar;
pub mod date_serde;
mod dossier;
mod instrument;
pub mod timeline;

pub use dossier::{
    Activity, ActivityKind, Actor, Document, DocumentKind, Dossier, Note, NoteKind, Outcome, Plan,
    copy_id, same_name,
};
pub use instrument::{
    Focus, Instrument, InstrumentKind, InstrumentType, Part, Provider, Status, Step,
};

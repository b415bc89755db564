//! The core of twe-planner: the dossier model, the rules and the agenda, the reference data
//! (municipalities, VDAB's published figures), the statistics, the dossier files and the
//! workspace (a folder of dossiers, with locks, journals and undo).
//!
//! Plain Rust with no GUI and no document format: the command line, the window
//! (`twe-app`) and the documents (`twe-documents`) all build on it and call the same
//! [`rules::check`]. A structure test holds that its dependency tree stays free of them.

/// mimalloc as the allocator of every binary, test and benchmark that links the core:
/// loading and checking a workspace allocate many small strings and vectors, and glibc's
/// malloc was a quarter of a full check (callgrind).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod about;
pub mod beside;
pub mod colour;
pub mod files;
pub mod generate;
pub mod lang;
pub mod model;
pub mod planner;
pub mod reference;
pub mod rules;
pub mod sample;
pub mod stats;
pub mod workspace;

#[cfg(test)]
mod structure_tests;

//! twe-planner: plans and checks TWE-OCMW trajectories and shows the published figures.
//!
//! The core (model, rules, reference data, statistics, files) is plain Rust with no GUI; the
//! command line ([`cli`]) and the window ([`app`]) both call the same [`rules::check`].

/// mimalloc as the allocator of every binary, test and benchmark: loading and checking a
/// workspace allocate many small strings and vectors, and glibc's malloc was a quarter of a
/// full check (callgrind).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod app;
pub mod cli;
pub mod colour;
pub mod files;
pub mod generate;
pub mod ics;
pub mod lang;
pub mod model;
pub mod planner;
pub mod print;
pub mod reference;
pub mod rules;
pub mod sample;
pub mod spreadsheet;
pub mod stats;
pub mod workspace;

//! The command line and the documents on real files, as one test binary: the commands'
//! exit codes and output, damaged files, the plan and the deck as PDF, the sample workspace,
//! spreadsheets in and out. Nothing here links the window.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed unwrap is a failed test, with its location"
)]
#![allow(
    clippy::too_many_lines,
    reason = "a test walks one scenario from start to end; the 100-line bound is for program code"
)]

mod commands;
mod corrupt;
mod figures;
mod print;
mod release;
mod sample_workspace;
mod spreadsheet;
#[cfg(unix)]
mod users;

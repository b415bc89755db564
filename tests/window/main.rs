//! The window, as one test binary: the whole window and each panel driven with `egui_kittest`
//! (clicks, keys, AccessKit labels, snapshots), the statistics and slides, a monkey test,
//! and crash safety (a killed save, a panic that writes the journal).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed unwrap is a failed test, with its location"
)]
#![allow(
    clippy::too_many_lines,
    reason = "a test walks one scenario from start to end; the 100-line bound is for program code"
)]

mod common;
mod crash;
mod day;
mod monkey;
mod panels;
mod stats_ui;
mod ui;

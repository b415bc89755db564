//! The window, as one test binary: the whole window and each panel driven with `egui_kittest`
//! (clicks, keys, AccessKit labels, snapshots), the statistics and slides, a monkey test,
//! and crash safety (a killed save, a panic that writes the journal).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed unwrap is a failed test, with its location"
)]

mod common;
mod crash;
mod monkey;
mod panels;
mod stats_ui;
mod ui;

//! What twe-planner hands over to other programs, built on `twe-core`: the trajectory plan
//! and the deck of yearly figures as PDF ([`print`]), caseloads and figures as workbooks and
//! CSV, in and out ([`spreadsheet`]), and the agenda as an iCalendar file ([`ics`]).
//!
//! No GUI: the command line and the window call the same functions.

pub mod ics;
pub mod print;
pub mod spreadsheet;

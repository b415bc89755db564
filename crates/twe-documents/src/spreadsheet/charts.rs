//! The statistics as a workbook (issue 14): one sheet per chart with the chart's numbers,
//! a row per series and a column per category, the seed's totals row and column, the source
//! line under the table. Numbers are numbers, with a thousands-separator format (the
//! reader's Excel shows its own separators); a hidden count reads "<5".

use super::{col, formula_safe};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use twe_core::lang::Lang;
use twe_core::stats::charts::ChartData;

/// The workbook of `charts`: `source` under each table; `suppressed` when counts from 1 to
/// 4 are hidden (they read "<5").
pub fn charts_workbook(
    charts: &[ChartData],
    source: &str,
    suppressed: bool,
    lang: Lang,
) -> Result<Vec<u8>, super::WriteError> {
    let mut book = Workbook::new();
    for data in charts {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(data, lang))?;
        chart_sheet(ws, data, source, suppressed, lang)?;
    }
    Ok(book.save_to_buffer()?)
}

/// The sheet's name: the chart's short name, without what Excel refuses in one.
fn sheet_name(data: &ChartData, lang: Lang) -> String {
    let name: String = data
        .kind
        .name(lang)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    if name.is_empty() {
        "Grafiek".into()
    } else {
        name
    }
}

/// The number format for a chart's values: whole numbers or its decimals, with thousands
/// separators; a percentage with its sign (the values are already percentages).
fn number_format(data: &ChartData) -> Format {
    let mut f = String::from("#,##0");
    if data.decimals > 0 {
        f.push('.');
        f.push_str(&"0".repeat(data.decimals.min(10)));
    }
    if data.percent {
        f.push_str("\"%\"");
    }
    Format::new().set_num_format(f)
}

/// The header row: the title above it, a row between.
const HEAD: u32 = 2;

fn chart_sheet(
    ws: &mut Worksheet,
    data: &ChartData,
    source: &str,
    suppressed: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let number = number_format(data);
    let total_number = number_format(data).set_bold();
    let right = Format::new().set_align(FormatAlign::Right);
    let italic = Format::new().set_italic();
    let total_word = lang.pick("Totaal", "Total");
    let totals = data.totals();
    // Names come from dossiers (organisations): written as text, never run or taken for
    // markup.
    ws.write_string_with_format(0, 0, formula_safe(&data.title).as_ref(), &title)?;
    // The corner names what the header row holds (the start years, the provinces); what the
    // numbers are is the title's.
    ws.write_string_with_format(HEAD, 0, formula_safe(&data.x_label).as_ref(), &bold)?;
    for (c, cat) in data.categories.iter().enumerate() {
        ws.write_string_with_format(HEAD, col(c + 1), formula_safe(cat).as_ref(), &bold)?;
    }
    let total_col = col(data.categories.len() + 1);
    if totals.is_some() {
        ws.write_string_with_format(HEAD, total_col, total_word, &bold)?;
    }
    // A missing value is a hidden count ("<5") in a table of counts that hides them, else
    // undefined ("–"); a missing total is one with a hidden part, never itself small.
    let write = |ws: &mut Worksheet, r: u32, c: u16, v: Option<f64>, total: bool| {
        if let Some(v) = v {
            let f = if total { &total_number } else { &number };
            ws.write_number_with_format(r, c, v, f).map(|_| ())
        } else {
            let small = suppressed && data.decimals == 0 && !total;
            let text = if small { "<5" } else { "–" };
            ws.write_string_with_format(r, c, text, &right).map(|_| ())
        }
    };
    let mut r = HEAD + 1;
    for (s, series) in data.series.iter().enumerate() {
        ws.write_string(r, 0, formula_safe(&series.name).as_ref())?;
        for (c, v) in series.values.iter().enumerate() {
            write(ws, r, col(c + 1), *v, false)?;
        }
        if let Some(t) = &totals {
            write(
                ws,
                r,
                total_col,
                t.per_series.get(s).copied().flatten(),
                true,
            )?;
        }
        r += 1;
    }
    if let Some(t) = &totals {
        ws.write_string_with_format(r, 0, total_word, &bold)?;
        for (c, v) in t.per_category.iter().enumerate() {
            write(ws, r, col(c + 1), *v, true)?;
        }
        write(ws, r, total_col, t.grand, true)?;
        r += 1;
    }
    ws.write_string_with_format(r + 1, 0, formula_safe(source).as_ref(), &italic)?;
    if suppressed {
        ws.write_string_with_format(
            r + 2,
            0,
            lang.pick(
                "<5: een aantal van 1 tot 4, verborgen om de privacy van cliënten te beschermen",
                "<5: a count from 1 to 4, hidden to protect clients' privacy",
            ),
            &italic,
        )?;
    }
    let first = data
        .series
        .iter()
        .map(|s| s.name.chars().count())
        .chain([data.x_label.chars().count(), total_word.len()])
        .max()
        .unwrap_or(10);
    ws.set_column_width(0, (first as f64 + 2.0).min(40.0))?;
    for c in 1..=data.categories.len() + 1 {
        ws.set_column_width(col(c), 11.0)?;
    }
    ws.set_freeze_panes(HEAD + 1, 1)?;
    Ok(())
}

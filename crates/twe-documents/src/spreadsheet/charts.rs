//! The statistics as a workbook: a tidy data sheet (province × year × every measure,
//! pivot-ready), what each column counts, one sheet per chart with its numbers, totals and
//! source, the published trainings and outflow, and from dossiers the annex per
//! municipality and per organisation. Every figure is read from the one table of figures
//! ([`twe_core::stats::Figures`]), after the disclosure gate: a hidden count reads «<5», a
//! figure it could be worked back from «–», with the note. Numbers are numbers (shares as
//! fractions with a percentage format); each sheet prints one page wide, landscape, with
//! its source line inside the print area.

use super::formula_safe;
use super::write::col;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use twe_core::lang::Lang;
use twe_core::model::InstrumentType;
use twe_core::stats::charts::{ChartData, source_line};
use twe_core::stats::disclosure::{self, Shown};
use twe_core::stats::figures::{Drill, DrillRow};
use twe_core::stats::{FigureTable, Figures, Measure, YearBasis};

/// What the workbook holds: the figures of one source, the year counted by `basis`, and
/// the charts as the caller made them (every year).
pub struct StatsBook<'a> {
    /// The figures, after the gate.
    pub figures: &'a Figures,
    /// How the year is counted.
    pub basis: YearBasis,
    /// The charts, one sheet each.
    pub charts: &'a [ChartData],
    /// The language of headings and words.
    pub lang: Lang,
}

/// The workbook of `book`.
pub fn stats_workbook(book: &StatsBook<'_>) -> Result<Vec<u8>, super::WriteError> {
    let lang = book.lang;
    let from_dossiers = book.figures.from_dossiers();
    let source = source_line(from_dossiers, lang);
    let mut wb = Workbook::new();
    let table = book.figures.table_or_start(book.basis);
    let hides = book.figures.hides_any();
    data_sheet(
        wb.add_worksheet().set_name(lang.pick("Gegevens", "Data"))?,
        table,
        &source,
        hides,
        lang,
    )?;
    definitions_sheet(
        wb.add_worksheet()
            .set_name(lang.pick("Definities", "Definitions"))?,
        table.basis,
        &source,
        lang,
    )?;
    for data in book.charts {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(data, lang))?;
        chart_sheet(ws, data, &source, lang)?;
    }
    let published = source_line(false, lang);
    trainings_sheet(
        wb.add_worksheet()
            .set_name(lang.pick("Opleidingen", "Trainings"))?,
        &published,
        lang,
    )?;
    outflow_sheet(
        wb.add_worksheet()
            .set_name(lang.pick("Uitstroom", "Outflow"))?,
        &published,
        lang,
    )?;
    if let Some(drill) = &book.figures.drill {
        drill_sheet(
            wb.add_worksheet()
                .set_name(lang.pick("Per gemeente", "Per municipality"))?,
            drill,
            &drill.ocmws,
            (
                lang.pick("Gemeente (OCMW)", "Municipality (OCMW)"),
                lang.pick(
                    "Per OCMW: de bijlage waarnaar het antwoord verwijst, uit de dossiers",
                    "Per OCMW: the annex the answer refers to, from the dossiers",
                ),
            ),
            &source,
            hides,
            lang,
        )?;
        drill_sheet(
            wb.add_worksheet()
                .set_name(lang.pick("Per organisatie", "Per organisation"))?,
            drill,
            &drill.organisations,
            (
                lang.pick("Organisatie", "Organisation"),
                lang.pick(
                    "Per organisatie waaraan de begeleiding is uitbesteed, uit de dossiers",
                    "Per organisation guidance is outsourced to, from the dossiers",
                ),
            ),
            &source,
            hides,
            lang,
        )?;
    }
    Ok(wb.save_to_buffer()?)
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

/// The formats of a sheet.
struct Formats {
    bold: Format,
    title: Format,
    italic: Format,
    right: Format,
    count: Format,
    count_bold: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(14),
            italic: Format::new().set_italic(),
            right: Format::new().set_align(FormatAlign::Right),
            count: Format::new().set_num_format("#,##0"),
            count_bold: Format::new().set_num_format("#,##0").set_bold(),
        }
    }
}

/// The number format of a figure: whole numbers, `decimals`, or a share stored as a
/// fraction shown as a percentage.
fn number_format(decimals: usize, percent: bool, bold: bool) -> Format {
    let mut f = String::from("#,##0");
    if decimals > 0 {
        f.push('.');
        f.push_str(&"0".repeat(decimals.min(10)));
    }
    if percent {
        f.push('%');
    }
    let format = Format::new().set_num_format(f);
    if bold { format.set_bold() } else { format }
}

/// Writes a figure: a number (a share as a fraction), or «<5», «–», or nothing.
fn figure(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    v: Shown,
    format: &Format,
    percent: bool,
    right: &Format,
) -> Result<(), XlsxError> {
    match v {
        Shown::Value(x) => {
            let x = if percent { x / 100.0 } else { x };
            ws.write_number_with_format(r, c, x, format)?;
        }
        Shown::Undefined => {}
        hidden => {
            ws.write_string_with_format(r, c, hidden.plain(0), right)?;
        }
    }
    Ok(())
}

/// The lines under a table: the source (starting "Bron:" / "Source:") and, where a figure
/// is hidden, what «<5» and «–» mean. Returns the last row written.
fn footer(
    ws: &mut Worksheet,
    r: u32,
    source: &str,
    hides: bool,
    lang: Lang,
    f: &Formats,
) -> Result<u32, XlsxError> {
    ws.write_string_with_format(r, 0, formula_safe(source).as_ref(), &f.italic)?;
    if hides {
        ws.write_string_with_format(r + 1, 0, disclosure::note(lang), &f.italic)?;
        return Ok(r + 1);
    }
    Ok(r)
}

/// One page wide, landscape, A4, the header repeated, the print area up to the source
/// line.
fn print_setup(
    ws: &mut Worksheet,
    header: u32,
    last_row: u32,
    last_col: u16,
) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_area(0, 0, last_row, last_col)?;
    ws.set_repeat_rows(header, header)?;
    Ok(())
}

/// The columns of the data sheet: the six counts, every instrument, and three rates.
#[derive(Clone, Copy)]
enum DataColumn {
    Count(Measure),
    PerTrajectory,
    BvsPer100,
    Share,
}

impl DataColumn {
    const ALL: [DataColumn; 10] = [
        DataColumn::Count(Measure::Trajectories),
        DataColumn::Count(Measure::Instrument(InstrumentType::Bvs)),
        DataColumn::Count(Measure::Instrument(InstrumentType::Art60)),
        DataColumn::Count(Measure::Instrument(InstrumentType::Opleiding)),
        DataColumn::Count(Measure::Instrument(InstrumentType::Wes)),
        DataColumn::Count(Measure::Instrument(InstrumentType::Ibo)),
        DataColumn::Count(Measure::Instruments),
        DataColumn::PerTrajectory,
        DataColumn::BvsPer100,
        DataColumn::Share,
    ];

    fn heading(self, lang: Lang) -> &'static str {
        match self {
            DataColumn::Count(m) => m.heading(lang),
            DataColumn::PerTrajectory => {
                lang.pick("Instrumenten per traject", "Instruments per trajectory")
            }
            DataColumn::BvsPer100 => lang.pick("BVS per 100 trajecten", "BVS per 100 trajectories"),
            DataColumn::Share => lang.pick(
                "Aandeel in de trajecten van Vlaanderen",
                "Share of Flanders' trajectories",
            ),
        }
    }

    fn definition(self, lang: Lang) -> &'static str {
        match self {
            DataColumn::Count(Measure::Trajectories) => lang.pick(
                "Opgestarte TWE-OCMW-trajecten.",
                "TWE-OCMW trajectories started.",
            ),
            DataColumn::Count(Measure::Instruments) => lang.pick(
                "Alle gestarte instrumenten samen (BVS, art. 60§7, opleiding, WES, IBO).",
                "Every instrument started, all kinds together (BVS, art. 60§7, training, WES, IBO).",
            ),
            DataColumn::Count(_) => lang.pick(
                "Gestarte instrumenten van deze soort.",
                "Instruments of this kind started.",
            ),
            DataColumn::PerTrajectory => lang.pick(
                "Alle gestarte instrumenten gedeeld door de opgestarte trajecten; het doel is minstens twee per trajectjaar.",
                "Every instrument started divided by the trajectories started; the target is at least two per trajectory year.",
            ),
            DataColumn::BvsPer100 => lang.pick(
                "Gestarte BVS per 100 opgestarte trajecten.",
                "BVS started per 100 trajectories started.",
            ),
            DataColumn::Share => lang.pick(
                "De opgestarte trajecten als deel van die van Vlaanderen in dat jaar (alle rijen samen, ook Onbekend).",
                "The trajectories started as a part of Flanders' that year (every row together, Unknown included).",
            ),
        }
    }

    fn decimals(self) -> usize {
        match self {
            DataColumn::Count(_) => 0,
            DataColumn::PerTrajectory => 2,
            DataColumn::BvsPer100 | DataColumn::Share => 1,
        }
    }

    fn percent(self) -> bool {
        matches!(self, DataColumn::Share)
    }

    /// The figure of a line whose counts `get` gives and whose Flanders' trajectories
    /// `flanders` gives.
    fn value(self, get: &dyn Fn(Measure) -> Shown, flanders: Shown) -> Shown {
        match self {
            DataColumn::Count(m) => get(m),
            DataColumn::PerTrajectory => {
                Shown::ratio(get(Measure::Instruments), get(Measure::Trajectories), 1.0)
            }
            DataColumn::BvsPer100 => Shown::ratio(
                get(Measure::Instrument(InstrumentType::Bvs)),
                get(Measure::Trajectories),
                100.0,
            ),
            DataColumn::Share => Shown::ratio(get(Measure::Trajectories), flanders, 100.0),
        }
    }
}

/// One row per province (and Onbekend) and year, then each row over every year, then
/// Flanders («Vlaanderen») per year and over every year: filter on the province and a year
/// to pivot.
fn data_sheet(
    ws: &mut Worksheet,
    table: &FigureTable,
    source: &str,
    hides: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let head = 2;
    let title = format!(
        "{} ({})",
        lang.pick(
            "Trajecten en instrumenten per provincie en jaar",
            "Trajectories and instruments per province and year"
        ),
        table.basis.year_label(lang)
    );
    ws.write_string_with_format(0, 0, &title, &f.title)?;
    ws.write_string_with_format(head, 0, lang.pick("Provincie", "Province"), &f.bold)?;
    ws.write_string_with_format(head, 1, lang.pick("Jaar", "Year"), &f.bold)?;
    for (k, c) in DataColumn::ALL.iter().enumerate() {
        ws.write_string_with_format(head, col(k + 2), c.heading(lang), &f.bold)?;
    }
    let flanders_name = lang.pick("Vlaanderen", "Flanders");
    let formats: Vec<(Format, Format)> = DataColumn::ALL
        .iter()
        .map(|c| {
            (
                number_format(c.decimals(), c.percent(), false),
                number_format(c.decimals(), c.percent(), true),
            )
        })
        .collect();
    let plain_text = Format::new();
    let mut r = head + 1;
    for line in table.lines() {
        let get = |m: Measure| match (line.row, line.year) {
            (Some(row), Some(y)) => table.cell(m, row, y),
            (Some(row), None) => table.row_total(m, row),
            (None, Some(y)) => table.year_total(m, y),
            (None, None) => table.grand(m),
        };
        let flanders = line.year.map_or_else(
            || table.grand(Measure::Trajectories),
            |y| table.year_total(Measure::Trajectories, y),
        );
        let total = line.row.is_none() || line.year.is_none();
        let name = line.row.map_or(flanders_name, |row| row.name(lang));
        ws.write_string_with_format(r, 0, name, if total { &f.bold } else { &plain_text })?;
        if let Some(y) = line.year {
            ws.write_number(r, 1, f64::from(y))?;
        }
        for (k, c) in DataColumn::ALL.iter().enumerate() {
            let (plain, bold) = &formats[k];
            figure(
                ws,
                r,
                col(k + 2),
                c.value(&get, flanders),
                if total { bold } else { plain },
                c.percent(),
                &f.right,
            )?;
        }
        r += 1;
    }
    let last_col = col(DataColumn::ALL.len() + 1);
    ws.autofilter(head, 0, r - 1, last_col)?;
    let last = footer(ws, r + 1, source, hides, lang, &f)?;
    ws.set_column_width(0, 18.0)?;
    ws.set_column_width(1, 8.0)?;
    for k in 0..DataColumn::ALL.len() {
        ws.set_column_width(col(k + 2), 14.0)?;
    }
    ws.set_freeze_panes(head + 1, 2)?;
    print_setup(ws, head, last, last_col)
}

/// What each column of the data sheet counts, how the year is counted, and what «<5» and
/// «–» mean.
fn definitions_sheet(
    ws: &mut Worksheet,
    basis: YearBasis,
    source: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let wrap = Format::new().set_text_wrap();
    ws.write_string_with_format(0, 0, lang.pick("Definities", "Definitions"), &f.title)?;
    ws.write_string_with_format(2, 0, lang.pick("Kolom", "Column"), &f.bold)?;
    ws.write_string_with_format(2, 1, lang.pick("Wat ze telt", "What it counts"), &f.bold)?;
    let mut r = 3;
    ws.write_string_with_format(r, 0, lang.pick("Jaar", "Year"), &f.bold)?;
    ws.write_string_with_format(r, 1, basis.definition(lang), &wrap)?;
    r += 1;
    ws.write_string_with_format(r, 0, lang.pick("Onbekend", "Unknown"), &f.bold)?;
    ws.write_string_with_format(
        r,
        1,
        lang.pick(
            "Dossiers waarvan het OCMW geen gekende gemeente is; ze tellen mee in elk totaal.",
            "Dossiers whose OCMW is not a known municipality; they count in every total.",
        ),
        &wrap,
    )?;
    r += 1;
    for c in DataColumn::ALL {
        ws.write_string_with_format(r, 0, c.heading(lang), &f.bold)?;
        ws.write_string_with_format(r, 1, c.definition(lang), &wrap)?;
        r += 1;
    }
    ws.write_string_with_format(r, 0, "<5 / –", &f.bold)?;
    ws.write_string_with_format(r, 1, disclosure::note(lang), &wrap)?;
    r += 1;
    let last = footer(ws, r + 1, source, false, lang, &f)?;
    ws.set_column_width(0, 30.0)?;
    ws.set_column_width(1, 100.0)?;
    print_setup(ws, 2, last, 1)
}

/// A chart's numbers: a row per series, a column per category, the totals row and column
/// where the chart counts, the source under it.
fn chart_sheet(
    ws: &mut Worksheet,
    data: &ChartData,
    source: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    const HEAD: u32 = 2;
    let f = Formats::new();
    let number = number_format(data.decimals, data.percent, false);
    let total_number = number_format(data.decimals, data.percent, true);
    let total_word = lang.pick("Totaal", "Total");
    // Names come from dossiers (organisations): written as text, never run or taken for
    // markup.
    ws.write_string_with_format(0, 0, formula_safe(&data.title).as_ref(), &f.title)?;
    ws.write_string_with_format(HEAD, 0, formula_safe(&data.x_label).as_ref(), &f.bold)?;
    for (c, cat) in data.categories.iter().enumerate() {
        ws.write_string_with_format(HEAD, col(c + 1), formula_safe(cat).as_ref(), &f.bold)?;
    }
    let total_col = col(data.categories.len() + 1);
    if data.totals.is_some() {
        ws.write_string_with_format(HEAD, total_col, total_word, &f.bold)?;
    }
    let mut r = HEAD + 1;
    for (s, series) in data.series.iter().enumerate() {
        ws.write_string(r, 0, formula_safe(&series.name).as_ref())?;
        for (c, v) in series.values.iter().enumerate() {
            figure(ws, r, col(c + 1), *v, &number, data.percent, &f.right)?;
        }
        if let Some(t) = &data.totals {
            let v = t.per_series.get(s).copied().unwrap_or(Shown::Undefined);
            figure(ws, r, total_col, v, &total_number, data.percent, &f.right)?;
        }
        r += 1;
    }
    if let Some(t) = &data.totals {
        ws.write_string_with_format(r, 0, total_word, &f.bold)?;
        for (c, v) in t.per_category.iter().enumerate() {
            figure(ws, r, col(c + 1), *v, &total_number, data.percent, &f.right)?;
        }
        figure(
            ws,
            r,
            total_col,
            t.grand,
            &total_number,
            data.percent,
            &f.right,
        )?;
        r += 1;
    }
    let last = footer(ws, r + 1, source, data.hides_any(), lang, &f)?;
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
    print_setup(ws, HEAD, last, total_col)
}

/// The published trainings: clients per start year of the training, their average
/// duration and the most followed training.
fn trainings_sheet(ws: &mut Worksheet, source: &str, lang: Lang) -> Result<(), XlsxError> {
    let f = Formats::new();
    let p = twe_core::reference::published();
    ws.write_string_with_format(
        0,
        0,
        lang.pick(
            "Cliënten met één of meer opleidingen, per startjaar van de opleiding",
            "Clients with one or more trainings, by the training's start year",
        ),
        &f.title,
    )?;
    let head = 2;
    for (c, h) in [
        lang.pick("Startjaar opleiding", "Training start year"),
        lang.pick("Cliënten", "Clients"),
        lang.pick("Gem. duur (maanden)", "Avg. duration (months)"),
        lang.pick("Meest gevolgd", "Most followed"),
    ]
    .into_iter()
    .enumerate()
    {
        ws.write_string_with_format(head, col(c), h, &f.bold)?;
    }
    let mut r = head + 1;
    for t in &p.trainings {
        ws.write_number(r, 0, f64::from(t.year))?;
        ws.write_number_with_format(r, 1, f64::from(t.clients), &f.count)?;
        ws.write_number(r, 2, f64::from(t.average_months))?;
        ws.write_string(r, 3, p.most_followed_in(t.year, lang))?;
        r += 1;
    }
    ws.write_string_with_format(
        r + 1,
        0,
        lang.pick(
            "Een cliënt die in twee jaren een opleiding startte, telt in beide: de jaren tellen niet op tot een aantal cliënten.",
            "A client who started a training in two years counts in both: the years do not add up to a number of clients.",
        ),
        &f.italic,
    )?;
    let last = footer(ws, r + 2, source, false, lang, &f)?;
    ws.set_column_width(0, 20.0)?;
    ws.set_column_width(1, 12.0)?;
    ws.set_column_width(2, 22.0)?;
    ws.set_column_width(3, 60.0)?;
    print_setup(ws, head, last, 3)
}

/// The published outflow shares, stored as fractions.
fn outflow_sheet(ws: &mut Worksheet, source: &str, lang: Lang) -> Result<(), XlsxError> {
    let f = Formats::new();
    let o = &twe_core::reference::published().outflow;
    let percent = Format::new().set_num_format("0%");
    ws.write_string_with_format(
        0,
        0,
        lang.pick("Uitstroom naar werk", "Outflow to work"),
        &f.title,
    )?;
    let head = 2;
    ws.write_string_with_format(head, 0, lang.pick("Wat", "What"), &f.bold)?;
    ws.write_string_with_format(head, 1, lang.pick("Aandeel", "Share"), &f.bold)?;
    let approx = if o.at_measurement_is_approximate {
        lang.pick(" (bijna)", " (almost)")
    } else {
        ""
    };
    let rows = [
        (
            format!(
                "{}{approx}",
                lang.pick(
                    "Afgesloten trajecten aan het werk bij de resultaatsmeting",
                    "Closed trajectories at work at the outflow measurement"
                )
            ),
            o.at_work_at_measurement_percent,
        ),
        (
            lang.pick(
                "Aan het werk in of na de 12 maanden na het stopzetten van het traject",
                "At work during or after the 12 months after the trajectory stopped",
            )
            .to_string(),
            o.at_work_within_12_months_percent,
        ),
    ];
    let mut r = head + 1;
    for (what, share) in rows {
        ws.write_string(r, 0, what)?;
        ws.write_number_with_format(r, 1, f64::from(share) / 100.0, &percent)?;
        r += 1;
    }
    let last = footer(ws, r + 1, source, false, lang, &f)?;
    ws.set_column_width(0, 70.0)?;
    ws.set_column_width(1, 10.0)?;
    print_setup(ws, head, last, 1)
}

/// The drill-down: one row per OCMW (or organisation) and start year with the six counts,
/// then its total over every year.
fn drill_sheet(
    ws: &mut Worksheet,
    drill: &Drill,
    rows: &[DrillRow],
    (first, title): (&str, &str),
    source: &str,
    hides: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let head = 2;
    ws.write_string_with_format(0, 0, title, &f.title)?;
    ws.write_string_with_format(head, 0, first, &f.bold)?;
    ws.write_string_with_format(head, 1, lang.pick("Provincie", "Province"), &f.bold)?;
    ws.write_string_with_format(
        head,
        2,
        lang.pick("Startjaar traject", "Trajectory start year"),
        &f.bold,
    )?;
    for (k, m) in Measure::ALL.iter().enumerate() {
        ws.write_string_with_format(head, col(k + 3), m.heading(lang), &f.bold)?;
    }
    let own = lang.pick("het OCMW zelf", "the OCMW itself");
    let mut r = head + 1;
    for row in rows {
        let name = if row.name.is_empty() { own } else { &row.name };
        let province = row.row.map_or("", |p| p.name(lang));
        for (y, &year) in drill.years.iter().enumerate() {
            if Measure::ALL
                .iter()
                .all(|&m| row.cell(m, y) == Shown::count(0))
            {
                continue;
            }
            ws.write_string(r, 0, formula_safe(name).as_ref())?;
            ws.write_string(r, 1, province)?;
            ws.write_number(r, 2, f64::from(year))?;
            for (k, &m) in Measure::ALL.iter().enumerate() {
                figure(ws, r, col(k + 3), row.cell(m, y), &f.count, false, &f.right)?;
            }
            r += 1;
        }
        ws.write_string_with_format(r, 0, formula_safe(name).as_ref(), &f.bold)?;
        ws.write_string_with_format(r, 1, province, &f.bold)?;
        ws.write_string_with_format(r, 2, lang.pick("alle jaren", "every year"), &f.bold)?;
        for (k, &m) in Measure::ALL.iter().enumerate() {
            figure(
                ws,
                r,
                col(k + 3),
                row.total(m),
                &f.count_bold,
                false,
                &f.right,
            )?;
        }
        r += 1;
    }
    let last_col = col(Measure::ALL.len() + 2);
    if r > head + 1 {
        ws.autofilter(head, 0, r - 1, last_col)?;
    }
    let last = footer(ws, r + 1, source, hides, lang, &f)?;
    ws.set_column_width(0, 28.0)?;
    ws.set_column_width(1, 16.0)?;
    ws.set_column_width(2, 12.0)?;
    for k in 0..Measure::ALL.len() {
        ws.set_column_width(col(k + 3), 13.0)?;
    }
    ws.set_freeze_panes(head + 1, 1)?;
    print_setup(ws, head, last, last_col)
}

//! The four sheets and their columns (DOMAIN.md, «Spreadsheets»), once: the export writes
//! these headers and the import recognises them, in Dutch or English, in any order, case
//! and spacing aside.

use super::words::fold;
use twe_core::lang::Lang;

/// One of the four sheets of a caseload workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SheetKind {
    /// Instrumenten / Instruments: a row per instrument (the CSV file's only sheet).
    Instruments,
    /// Documenten / Documents.
    Documents,
    /// Activiteiten / Activities.
    Activities,
    /// Resultaat / Outcome.
    Outcome,
    /// Notities / Notes: the counsellor's notes, written only when asked (`export
    /// --notes`), read when present.
    Notes,
}

impl SheetKind {
    /// The four, in the workbook's order.
    pub const ALL: [SheetKind; 5] = [
        SheetKind::Instruments,
        SheetKind::Documents,
        SheetKind::Activities,
        SheetKind::Outcome,
        SheetKind::Notes,
    ];

    /// The sheet's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            SheetKind::Instruments => lang.pick("Instrumenten", "Instruments"),
            SheetKind::Documents => lang.pick("Documenten", "Documents"),
            SheetKind::Activities => lang.pick("Activiteiten", "Activities"),
            SheetKind::Outcome => lang.pick("Resultaat", "Outcome"),
            SheetKind::Notes => lang.pick("Notities", "Notes"),
        }
    }

    /// Whether a sheet called `name` is this one, in either language.
    pub fn is_named(self, name: &str) -> bool {
        let name = fold(name);
        name == fold(self.name(Lang::Nl)) || name == fold(self.name(Lang::En))
    }

    /// The sheet's columns, in the order the export writes them.
    pub fn columns(self) -> &'static [Column] {
        use Column as C;
        match self {
            SheetKind::Instruments => &[
                C::Id,
                C::Client,
                C::Ocmw,
                C::GuidedBy,
                C::Counsellor,
                C::Plan,
                C::TrajectoryStart,
                C::TrajectoryEnd,
                C::SocialRights,
                C::Instrument,
                C::Start,
                C::End,
                C::Status,
                C::Training,
                C::Provider,
                C::Focus,
                C::FullTime,
            ],
            SheetKind::Documents => &[C::Id, C::Kind, C::Uploaded],
            SheetKind::Activities => &[C::Id, C::Kind, C::Date, C::By],
            SheetKind::Outcome => &[C::Id, C::AtWork, C::Measured],
            SheetKind::Notes => &[C::Id, C::Date, C::Kind, C::Author, C::Text],
        }
    }

    /// Columns the import reads from an OCMW's own sheet that the export does not write.
    pub fn extra_columns(self) -> &'static [Column] {
        match self {
            SheetKind::Instruments => &[Column::Remarks],
            _ => &[],
        }
    }

    /// The columns a sheet cannot be read without.
    pub fn required(self) -> &'static [Column] {
        use Column as C;
        match self {
            SheetKind::Instruments => &[C::Id, C::Client, C::Ocmw, C::TrajectoryStart],
            SheetKind::Documents => &[C::Id, C::Kind, C::Uploaded],
            SheetKind::Activities => &[C::Id, C::Kind, C::Date, C::By],
            SheetKind::Outcome => &[C::Id, C::Measured],
            SheetKind::Notes => &[C::Id, C::Date, C::Text],
        }
    }

    /// The header row the export writes.
    pub fn header(self, lang: Lang) -> Vec<&'static str> {
        self.columns().iter().map(|c| c.header(lang)).collect()
    }
}

/// A column of a sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The dossier's id.
    Id,
    /// The client's name.
    Client,
    /// The OCMW.
    Ocmw,
    /// The organisation guidance is outsourced to.
    GuidedBy,
    /// Who guides the client.
    Counsellor,
    /// The plan made at the start.
    Plan,
    /// The trajectory's first day.
    TrajectoryStart,
    /// The trajectory's last day once closed.
    TrajectoryEnd,
    /// When social rights were acquired.
    SocialRights,
    /// The instrument's kind.
    Instrument,
    /// The instrument's first day.
    Start,
    /// The instrument's last day.
    End,
    /// The instrument's status.
    Status,
    /// A training's name.
    Training,
    /// A training's provider.
    Provider,
    /// A training's focus.
    Focus,
    /// Whether a training is full time.
    FullTime,
    /// A document's or an activity's kind.
    Kind,
    /// When a document was uploaded.
    Uploaded,
    /// An activity's day.
    Date,
    /// Who did an activity.
    By,
    /// Whether the client was at work.
    AtWork,
    /// When the outcome was measured.
    Measured,
    /// Who wrote a note.
    Author,
    /// A note's text.
    Text,
    /// Remarks in an OCMW's own instruments sheet: imported as a note, never exported as
    /// a column (the notes have their own sheet).
    Remarks,
}

impl Column {
    /// The header the export writes in `lang`.
    pub fn header(self, lang: Lang) -> &'static str {
        let (nl, en) = self.words();
        lang.pick(nl, en)
    }

    fn words(self) -> (&'static str, &'static str) {
        match self {
            Column::Id => ("dossier", "id"),
            Column::Client => ("cliënt", "client"),
            Column::Ocmw => ("ocmw", "ocmw"),
            Column::GuidedBy => ("begeleid door", "guided by"),
            Column::Counsellor => ("begeleider", "counsellor"),
            Column::Plan => ("plan", "plan"),
            Column::TrajectoryStart => ("start traject", "trajectory start"),
            Column::TrajectoryEnd => ("einde traject", "trajectory end"),
            Column::SocialRights => ("sociale rechten", "social rights acquired"),
            Column::Instrument => ("instrument", "instrument"),
            Column::Start => ("begin", "start"),
            Column::End => ("einde", "end"),
            Column::Status => ("status", "status"),
            Column::Training => ("opleiding", "training"),
            Column::Provider => ("aanbieder", "provider"),
            Column::Focus => ("focus", "focus"),
            Column::FullTime => ("voltijds", "full time"),
            Column::Kind => ("soort", "kind"),
            Column::Uploaded => ("opgeladen", "uploaded"),
            Column::Date => ("datum", "date"),
            Column::By => ("door", "by"),
            Column::AtWork => ("aan het werk", "at work"),
            Column::Measured => ("gemeten", "measured"),
            Column::Author => ("auteur", "author"),
            Column::Text => ("tekst", "text"),
            Column::Remarks => ("opmerkingen", "remarks"),
        }
    }

    /// Other headers an OCMW's own sheet uses for this column (README «Spreadsheets», the
    /// table of headers; a test holds the two to each other). Case, spaces, dots, dashes
    /// and accents aside.
    pub fn synonyms(self) -> &'static [&'static str] {
        match self {
            Column::Id => &[
                "dossier id",
                "dossiernummer",
                "dossiernr",
                "dossier nr",
                "nummer",
                "nr",
                "referentie",
                "file number",
                "case id",
            ],
            Column::Client => &[
                "naam",
                "naam cliënt",
                "cliëntnaam",
                "naam en voornaam",
                "voornaam en naam",
                "klant",
                "name",
                "client name",
            ],
            Column::Ocmw => &[
                "gemeente",
                "ocmw gemeente",
                "lokaal bestuur",
                "municipality",
            ],
            Column::GuidedBy => &["uitbesteed aan", "organisatie", "partner", "organisation"],
            Column::Counsellor => &[
                "trajectbegeleider",
                "trajectbegeleiding",
                "maatschappelijk werker",
                "consulent",
                "dossierbeheerder",
                "counselor",
                "case manager",
            ],
            Column::Plan => &["trajectplan", "pop/gpmi"],
            Column::TrajectoryStart => &[
                "startdatum",
                "startdatum traject",
                "begindatum",
                "begindatum traject",
                "begin traject",
                "start date",
            ],
            Column::TrajectoryEnd => &[
                "einddatum",
                "einddatum traject",
                "afgesloten op",
                "end date",
            ],
            Column::SocialRights => &["sociale rechten verworven", "social rights"],
            Column::Instrument => &["maatregel", "soort instrument", "type"],
            Column::Start => &[
                "van",
                "vanaf",
                "begindatum instrument",
                "start instrument",
                "from",
            ],
            Column::End => &[
                "tot",
                "tot en met",
                "tem",
                "einddatum instrument",
                "einde instrument",
                "to",
                "until",
            ],
            Column::Status => &["stand", "toestand"],
            Column::Training => &["naam opleiding", "opleidingsnaam", "training name"],
            Column::Provider => &["opleidingsverstrekker", "verstrekker", "organisator"],
            Column::FullTime => &["voltijd", "fulltime"],
            Column::Kind => &["type", "document"],
            Column::Uploaded => &["datum opgeladen", "upload"],
            Column::Date => &["op"],
            Column::By => &["uitgevoerd door"],
            Column::AtWork => &["werk", "employed"],
            Column::Measured => &["meetdatum", "datum meting"],
            Column::Author => &["geschreven door", "schrijver", "written by"],
            Column::Text => &["notitie", "opmerking", "note", "remark"],
            Column::Remarks => &[
                "notities",
                "notes",
                "opmerking",
                "commentaar",
                "bemerkingen",
            ],
            Column::Focus => &[],
        }
    }

    /// Whether `header` names this column: the export's words in either language, or one
    /// of [`Column::synonyms`].
    fn is_named(self, header: &str) -> bool {
        let (nl, en) = self.words();
        let h = fold(header);
        h == fold(nl) || h == fold(en) || self.synonyms().iter().any(|w| fold(w) == h)
    }
}

/// How a sheet's header row was understood: a column (or none) per header cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Which sheet.
    pub sheet: SheetKind,
    /// The sheet's name in the file (for a CSV file, the file's name).
    pub name: String,
    /// The header row's number as the spreadsheet shows it.
    pub header_row: u32,
    /// The header cells as written.
    pub headers: Vec<String>,
    /// What each header cell was taken for; `None` for a column the import leaves aside.
    pub columns: Vec<Option<Column>>,
}

impl Layout {
    /// Whether the cells of a row read as the header of `sheet`: they name the id, or two
    /// of the sheet's columns (a title above the table names at most one).
    pub fn is_header(sheet: SheetKind, cells: &[String]) -> bool {
        let named: Vec<Column> = sheet
            .columns()
            .iter()
            .copied()
            .filter(|c| cells.iter().any(|h| c.is_named(h)))
            .collect();
        named.contains(&Column::Id) || named.len() >= 2
    }

    /// Recognises `headers` of `sheet`: each header cell names a column of that sheet, in
    /// either language; a second header for a column already seen is left aside.
    pub fn recognise(sheet: SheetKind, name: &str, header_row: u32, headers: Vec<String>) -> Self {
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(headers.len());
        for h in &headers {
            let found = sheet
                .columns()
                .iter()
                .chain(sheet.extra_columns())
                .copied()
                .find(|c| c.is_named(h) && !columns.contains(&Some(*c)));
            columns.push(found);
        }
        Layout {
            sheet,
            name: name.to_string(),
            header_row,
            headers,
            columns,
        }
    }

    /// Where `column` is, if the sheet has it.
    pub fn index(&self, column: Column) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(column))
    }

    /// The header cells left aside (index and text), empty ones not counted.
    pub fn unrecognised(&self) -> Vec<(usize, &str)> {
        self.columns
            .iter()
            .zip(&self.headers)
            .enumerate()
            .filter(|(_, (c, h))| c.is_none() && !h.trim().is_empty())
            .map(|(i, (_, h))| (i, h.as_str()))
            .collect()
    }

    /// The required columns the sheet lacks.
    pub fn missing(&self) -> Vec<Column> {
        self.sheet
            .required()
            .iter()
            .copied()
            .filter(|c| self.index(*c).is_none())
            .collect()
    }

    /// Takes the header at `index` for `column` (or for none), as the window's preview
    /// lets the user assign an unrecognised header; a header that held `column` before lets
    /// go of it.
    pub fn assign(&mut self, index: usize, column: Option<Column>) {
        if let Some(c) = column {
            for slot in &mut self.columns {
                if *slot == Some(c) {
                    *slot = None;
                }
            }
        }
        if let Some(slot) = self.columns.get_mut(index) {
            *slot = column;
        }
    }
}

/// The columns a user chose for a sheet, kept (as words, by the settings) for the next
/// import of a sheet with the same headers: an OCMW exports the same sheet every month, and
/// assigning its columns once is enough.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnChoice {
    /// The sheet, by its Dutch name.
    pub sheet: String,
    /// The header cells, folded (case, accents and spaces do not count).
    pub headers: Vec<String>,
    /// What each header was taken for, by the column's Dutch header; empty for one left aside.
    pub columns: Vec<String>,
}

impl Layout {
    /// The columns as chosen, to keep for a sheet with these headers.
    pub fn choice(&self) -> ColumnChoice {
        ColumnChoice {
            sheet: self.sheet.name(Lang::Nl).to_string(),
            headers: self.headers.iter().map(|h| fold(h)).collect(),
            columns: self
                .columns
                .iter()
                .map(|c| c.map_or_else(String::new, |c| c.header(Lang::Nl).to_string()))
                .collect(),
        }
    }

    /// Takes the columns of `choice` if it was made for this sheet with these headers (a
    /// name the program no longer knows leaves that header aside); answers whether it did.
    pub fn take(&mut self, choice: &ColumnChoice) -> bool {
        let same = choice.sheet == self.sheet.name(Lang::Nl)
            && choice.headers.len() == self.headers.len()
            && choice.columns.len() == self.headers.len()
            && choice
                .headers
                .iter()
                .zip(&self.headers)
                .all(|(a, b)| *a == fold(b));
        if !same {
            return false;
        }
        let known = self
            .sheet
            .columns()
            .iter()
            .chain(self.sheet.extra_columns());
        let known: Vec<Column> = known.copied().collect();
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(choice.columns.len());
        for name in &choice.columns {
            let c = known
                .iter()
                .copied()
                .find(|c| c.header(Lang::Nl) == name && !columns.contains(&Some(*c)));
            columns.push(c);
        }
        self.columns = columns;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An OCMW's instruments sheet whose "Wie" header is not known: the user takes it
    /// for the client.
    fn chosen() -> Layout {
        let headers = [
            "Dossiernr.",
            "Wie",
            "Gemeente",
            "Startdatum",
            "Rijksregisternr.",
        ];
        let mut l = Layout::recognise(
            SheetKind::Instruments,
            "Blad1",
            3,
            headers.iter().map(|h| (*h).to_string()).collect(),
        );
        assert_eq!(l.columns[1], None, "Wie is not a known header");
        l.assign(1, Some(Column::Client));
        l
    }

    #[test]
    fn a_column_choice_is_taken_by_a_sheet_with_the_same_headers_only() {
        let choice = chosen().choice();
        // Next month's sheet: the same headers, written a little differently.
        let headers = [
            "DOSSIERNR.",
            "wie",
            "Gemeente ",
            "Startdatum",
            "Rijksregisternr.",
        ];
        let mut next = Layout::recognise(
            SheetKind::Instruments,
            "Blad1",
            1,
            headers.iter().map(|h| (*h).to_string()).collect(),
        );
        assert!(next.take(&choice));
        assert_eq!(next.columns, chosen().columns);
        // Another sheet, or other headers: not taken, nothing changed.
        let mut other = Layout::recognise(
            SheetKind::Instruments,
            "Blad1",
            1,
            ["Dossiernr.", "Wie", "Gemeente"]
                .iter()
                .map(|h| (*h).to_string())
                .collect(),
        );
        let before = other.columns.clone();
        assert!(!other.take(&choice));
        assert_eq!(other.columns, before);
        let mut documents = chosen();
        documents.sheet = SheetKind::Documents;
        assert!(!documents.take(&choice));
    }

    #[test]
    fn a_column_name_no_longer_known_leaves_its_header_aside() {
        let mut choice = chosen().choice();
        choice.columns[1] = "Iets van vroeger".into();
        let mut l = chosen();
        assert!(l.take(&choice));
        assert_eq!(l.columns[1], None);
        assert_eq!(l.columns[0], Some(Column::Id));
    }

    #[test]
    fn headers_in_either_language_any_order_case_and_spacing() {
        let headers = [
            "  Start  Traject",
            "CLIËNT",
            "Dossier",
            "extra",
            "ocmw",
            "client",
            "Full time",
        ];
        let l = Layout::recognise(
            SheetKind::Instruments,
            "Blad1",
            3,
            headers.iter().map(|h| (*h).to_string()).collect(),
        );
        assert_eq!(
            l.columns,
            [
                Some(Column::TrajectoryStart),
                Some(Column::Client),
                Some(Column::Id),
                None,
                Some(Column::Ocmw),
                None,
                Some(Column::FullTime)
            ]
        );
        assert_eq!(l.unrecognised(), [(3, "extra"), (5, "client")]);
        assert!(l.missing().is_empty());
    }

    #[test]
    fn a_missing_required_column_is_named_and_can_be_assigned() {
        let mut l = Layout::recognise(
            SheetKind::Instruments,
            "x",
            1,
            vec![
                "id".into(),
                "persoon".into(),
                "ocmw".into(),
                "start traject".into(),
            ],
        );
        assert_eq!(l.missing(), [Column::Client]);
        l.assign(1, Some(Column::Client));
        assert!(l.missing().is_empty());
        l.assign(3, Some(Column::Client));
        assert_eq!(l.index(Column::Client), Some(3));
        assert_eq!(l.missing(), [Column::TrajectoryStart]);
    }

    #[test]
    fn the_export_headers_are_recognised_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            for sheet in SheetKind::ALL {
                assert!(
                    SheetKind::ALL
                        .iter()
                        .filter(|s| s.is_named(sheet.name(lang)))
                        .eq([&sheet])
                );
                let l = Layout::recognise(
                    sheet,
                    sheet.name(lang),
                    1,
                    sheet
                        .header(lang)
                        .iter()
                        .map(|h| (*h).to_string())
                        .collect(),
                );
                let want: Vec<_> = sheet.columns().iter().copied().map(Some).collect();
                assert_eq!(l.columns, want, "{sheet:?} {lang:?}");
            }
        }
    }
}

//! The editor panel: the open dossier's fields and the selected instrument.

use super::action::{Action, Edit, Select, Setting};
use super::command::Command;
use super::cx::ViewCx;
use super::dates::{date_edit, date_edit_by};
use super::panel::Panel;
use crate::combo::Keys as _;
use twe_core::lang::Lang;
use twe_core::model::{
    Activity, ActivityKind, Actor, Document, DocumentKind, Dossier, Focus, Instrument,
    InstrumentKind, InstrumentType, Note, NoteKind, Outcome, Plan, Provider, Status,
};
use twe_core::reference::{municipalities, published};
use twe_core::workspace::EditKey;

/// A single-line text field with a label; returns whether it changed.
fn text_field(ui: &mut egui::Ui, lang: Lang, label: &str, value: &mut String) -> bool {
    text_field_for(ui, lang, label, value, None)
}

/// A text field a command can put the keyboard in (`field`).
fn text_field_for(
    ui: &mut egui::Ui,
    lang: Lang,
    label: &str,
    value: &mut String,
    field: Option<super::focus::Field>,
) -> bool {
    use twe_core::model::bounds::MAX_TEXT_CHARS;
    let changed = ui
        .horizontal(|ui| {
            let l = ui.label(label);
            // The field stops at the bound the loader holds files to: a longer text would
            // make a file that never opens again.
            let response = ui
                .add(
                    egui::TextEdit::singleline(value)
                        .char_limit(MAX_TEXT_CHARS)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if let Some(field) = field {
                super::focus::take(&response, field);
            }
            response.changed()
        })
        .inner;
    if value.chars().count() >= MAX_TEXT_CHARS {
        ui.weak(format!(
            "{} {} {}",
            lang.pick("Ten hoogste", "At most"),
            twe_core::lang::number(MAX_TEXT_CHARS as i64, lang),
            lang.pick("tekens.", "characters.")
        ));
    }
    changed
}

/// The small bin that removes a row of a list; a screen reader hears which row ("Delete
/// document 2").
fn delete_button(ui: &mut egui::Ui, what: &str, lang: Lang) -> bool {
    let name = format!("{} {what}", lang.pick("Verwijder", "Delete"));
    let response = ui.small_button("🗑").on_hover_text(&name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    response.clicked()
}

fn kind_for(t: InstrumentType, previous: &InstrumentKind) -> InstrumentKind {
    match t {
        InstrumentType::Bvs => InstrumentKind::Bvs,
        InstrumentType::Art60 => InstrumentKind::Art60,
        InstrumentType::Wes => InstrumentKind::Wes,
        InstrumentType::Ibo => InstrumentKind::Ibo,
        InstrumentType::Opleiding => match previous {
            k @ InstrumentKind::Opleiding { .. } => k.clone(),
            _ => InstrumentKind::Opleiding {
                name: String::new(),
                provider: Provider::Vdab,
                focus: Focus::Generic,
                full_time: true,
            },
        },
    }
}

fn status_ui(ui: &mut egui::Ui, id: &str, status: &mut Status, lang: Lang) {
    let l = ui.label("Status");
    egui::ComboBox::from_id_salt(id)
        .selected_text(status.label(lang))
        .show_ui(ui, |ui| {
            for s in [
                Status::Planned,
                Status::Running,
                Status::Completed,
                Status::StoppedEarly,
            ] {
                ui.selectable_value(status, s, s.label(lang));
            }
        })
        .keys(ui)
        .labelled_by(l.id);
}

/// The OCMW field with completion from the municipality list.
fn ocmw_ui(ui: &mut egui::Ui, value: &mut String, lang: Lang) -> bool {
    let mut changed = text_field(ui, lang, "OCMW", value);
    let known = municipalities().get(value).is_some();
    if !known && !value.trim().is_empty() {
        let query = value.to_lowercase();
        let nearest = municipalities().nearest(value);
        // Each name once: the three municipal maps (2018, 2019, 2025) name most
        // municipalities three times.
        let mut suggestions: Vec<&str> = Vec::new();
        for name in municipalities()
            .all()
            .iter()
            .map(|m| m.name.as_str())
            .filter(|n| n.to_lowercase().starts_with(&query))
            .chain(nearest)
        {
            if !suggestions.contains(&name) {
                suggestions.push(name);
            }
            if suggestions.len() == 6 {
                break;
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.weak(lang.pick("Bedoelt u:", "Did you mean:"));
            for name in suggestions {
                if ui.small_button(name).clicked() {
                    *value = name.to_string();
                    changed = true;
                }
            }
        });
    }
    changed
}

/// The counsellor field, completed from the names the workspace's dossiers give: empty
/// means nobody is assigned.
fn counsellor_ui(
    ui: &mut egui::Ui,
    value: &mut Option<String>,
    cx: &ViewCx<'_>,
    lang: Lang,
) -> bool {
    let mut text = value.clone().unwrap_or_default();
    let mut changed = text_field(ui, lang, lang.pick("Begeleider", "Counsellor"), &mut text);
    let typed = text.trim().to_lowercase();
    // Every keystroke is an edit, so what is typed is already one of the workspace's names:
    // the others that contain it are the suggestions.
    if !typed.is_empty() {
        let matches: Vec<&str> = cx
            .ws
            .counsellors()
            .filter(|n| !twe_core::model::same_name(n, &text) && n.to_lowercase().contains(&typed))
            .take(5)
            .collect();
        if !matches.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak(lang.pick("Bedoelt u:", "Did you mean:"));
                for name in matches {
                    if ui.small_button(name).clicked() {
                        text = name.to_string();
                        changed = true;
                    }
                }
            });
        }
    } else if typed.is_empty() && cx.me.is_some() {
        // Most new dossiers are the counsellor's own.
        if let Some(me) = cx.me
            && ui
                .small_button(format!("{} {me}", lang.pick("Mezelf:", "Myself:")))
                .clicked()
        {
            text = me.to_string();
            changed = true;
        }
    }
    if changed {
        *value = (!text.trim().is_empty()).then_some(text);
    }
    changed
}

fn dossier_fields_ui(
    ui: &mut egui::Ui,
    d: &mut Dossier,
    key: &mut Option<EditKey>,
    cx: &ViewCx<'_>,
) {
    let lang = cx.lang;
    let field = |k: &str| Some(EditKey::Field(k.to_string()));
    if text_field(ui, lang, "Id", &mut d.id) {
        *key = field("id");
    }
    if text_field_for(
        ui,
        lang,
        lang.pick("Cliënt", "Client"),
        &mut d.client,
        Some(super::focus::Field::Client),
    ) {
        *key = field("client");
    }
    if ocmw_ui(ui, &mut d.ocmw, lang) {
        *key = field("ocmw");
    }
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Begeleid door", "Guided by"));
        let none = lang.pick("het OCMW zelf", "the OCMW itself");
        let before = d.guided_by.clone();
        egui::ComboBox::from_id_salt("guided_by")
            .selected_text(d.guided_by.clone().unwrap_or_else(|| none.to_string()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut d.guided_by, None, none);
                for o in &published().organisations {
                    ui.selectable_value(&mut d.guided_by, Some(o.name.clone()), &o.name);
                }
            })
            .keys(ui)
            .labelled_by(l.id);
        if d.guided_by != before {
            *key = Some(EditKey::Single);
        }
    });
    if counsellor_ui(ui, &mut d.counsellor, cx, lang) {
        *key = field("counsellor");
    }
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Plan", "Plan"));
        let label = |p: &Option<Plan>| match p {
            None => lang.pick("ontbreekt", "missing").to_string(),
            Some(Plan::Pop) => "POP".into(),
            Some(Plan::Gpmi) => "GPMI".into(),
            Some(Plan::Other(s)) => s.clone(),
        };
        let before = d.plan.clone();
        egui::ComboBox::from_id_salt("plan")
            .selected_text(label(&d.plan))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut d.plan, Some(Plan::Pop), "POP");
                ui.selectable_value(&mut d.plan, Some(Plan::Gpmi), "GPMI");
                ui.selectable_value(
                    &mut d.plan,
                    Some(Plan::Other(lang.pick("ander plan", "other plan").into())),
                    lang.pick("Ander", "Other"),
                );
                ui.selectable_value(&mut d.plan, None, lang.pick("ontbreekt", "missing"));
            })
            .keys(ui)
            .labelled_by(l.id);
        if d.plan != before {
            *key = Some(EditKey::Single);
        }
    });
    if let Some(Plan::Other(name)) = &mut d.plan
        && text_field(ui, lang, lang.pick("Naam plan", "Plan name"), name)
    {
        *key = field("plan");
    }
    if let Some(x) = date_edit(
        ui,
        "start",
        lang.pick("Start traject", "Trajectory start"),
        d.start,
        lang,
    ) {
        d.start = x;
        *key = Some(EditKey::Single);
    }
    optional_date(
        ui,
        "end",
        lang.pick("Afgesloten op", "Closed on"),
        &mut d.end,
        d.start,
        key,
        lang,
    );
    optional_date(
        ui,
        "rights",
        lang.pick("Sociale rechten verworven", "Social rights acquired"),
        &mut d.social_rights_acquired,
        d.start,
        key,
        lang,
    );
}

fn optional_date(
    ui: &mut egui::Ui,
    id: &str,
    label: &str,
    value: &mut Option<chrono::NaiveDate>,
    default: chrono::NaiveDate,
    key: &mut Option<EditKey>,
    lang: Lang,
) {
    let mut on = value.is_some();
    ui.horizontal(|ui| {
        let check = ui.checkbox(&mut on, label);
        if check.changed() {
            *value = on.then_some(value.unwrap_or(default));
            *key = Some(EditKey::Single);
        }
        if let Some(v) = value
            && let Some(x) = date_edit_by(ui, id, check.id, *v, lang)
        {
            *value = Some(x);
            *key = Some(EditKey::Single);
        }
    });
}

fn instrument_ui(
    ui: &mut egui::Ui,
    inst: &mut Instrument,
    keep_length: &mut bool,
    key: &mut Option<EditKey>,
    lang: Lang,
) {
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Soort", "Kind"));
        let current = inst.kind.kind_type();
        let mut t = current;
        egui::ComboBox::from_id_salt("kind")
            .selected_text(t.label(lang))
            .show_ui(ui, |ui| {
                for x in InstrumentType::ALL {
                    ui.selectable_value(&mut t, x, x.label(lang));
                }
            })
            .keys(ui)
            .labelled_by(l.id);
        if t != current {
            inst.kind = kind_for(t, &inst.kind);
            *key = Some(EditKey::Single);
        }
    });
    if let Some(x) = date_edit(
        ui,
        "inst-start",
        lang.pick("Begin", "Start"),
        inst.start,
        lang,
    ) {
        // Moved as a whole (its months, weeks or days kept), or only its start.
        *inst = if *keep_length {
            inst.moved_to(x)
        } else {
            Instrument {
                start: x,
                ..inst.clone()
            }
        };
        *key = Some(EditKey::Single);
    }
    ui.checkbox(
        keep_length,
        lang.pick(
            "Lengte behouden als het begin verandert",
            "Keep its length when the start changes",
        ),
    );
    if let Some(x) = date_edit(ui, "inst-end", lang.pick("Einde", "End"), inst.end, lang) {
        inst.end = x;
        *key = Some(EditKey::Single);
    }
    // In the unit its rule counts (as the printed plan says it), with the days.
    ui.weak(super::timeline::length_words(inst, lang));
    ui.horizontal(|ui| {
        let before = inst.status;
        status_ui(ui, "status", &mut inst.status, lang);
        if inst.status != before {
            *key = Some(EditKey::Single);
        }
    });
    if let InstrumentKind::Opleiding { .. } = inst.kind {
        training_ui(ui, &mut inst.kind, key, lang);
    }
}

/// A training's details: its name, provider, focus and whether it is full-time.
fn training_ui(
    ui: &mut egui::Ui,
    kind: &mut InstrumentKind,
    key: &mut Option<EditKey>,
    lang: Lang,
) {
    let InstrumentKind::Opleiding {
        name,
        provider,
        focus,
        full_time,
    } = kind
    else {
        return;
    };
    if text_field(ui, lang, lang.pick("Opleiding", "Training"), name) {
        *key = Some(EditKey::Field("training-name".into()));
    }
    ui.horizontal(|ui| {
        let l = ui.label(lang.pick("Aanbieder", "Provider"));
        let before = provider.clone();
        let text = match provider {
            Provider::Vdab => "VDAB".to_string(),
            Provider::Recognised => lang.pick("erkend door VDAB", "recognised by VDAB").into(),
            Provider::Other(s) => s.clone(),
        };
        egui::ComboBox::from_id_salt("provider")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(provider, Provider::Vdab, "VDAB");
                ui.selectable_value(
                    provider,
                    Provider::Recognised,
                    lang.pick("erkend door VDAB", "recognised by VDAB"),
                );
                ui.selectable_value(
                    provider,
                    Provider::Other(lang.pick("andere", "other").into()),
                    lang.pick("andere", "other"),
                );
            })
            .keys(ui)
            .labelled_by(l.id);
        if *provider != before {
            *key = Some(EditKey::Single);
        }
    });
    if let Provider::Other(p) = provider
        && text_field(ui, lang, lang.pick("Naam aanbieder", "Provider name"), p)
    {
        *key = Some(EditKey::Field("provider".into()));
    }
    ui.horizontal(|ui| {
        let before = (*focus, *full_time);
        ui.radio_value(focus, Focus::Generic, lang.pick("generiek", "generic"));
        ui.radio_value(focus, Focus::Technical, lang.pick("technisch", "technical"));
        ui.checkbox(full_time, lang.pick("voltijds", "full-time"));
        if (*focus, *full_time) != before {
            *key = Some(EditKey::Single);
        }
    });
}

fn documents_ui(ui: &mut egui::Ui, d: &mut Dossier, key: &mut Option<EditKey>, lang: Lang) {
    let mut remove = None;
    for (k, doc) in d.documents.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let before = doc.kind.clone();
            let label = |x: &DocumentKind| match x {
                DocumentKind::Pop => "POP".to_string(),
                DocumentKind::Gpmi => "GPMI".into(),
                DocumentKind::Evaluation => lang.pick("evaluatie", "evaluation").into(),
                DocumentKind::Contract => "contract".into(),
                DocumentKind::Other(s) => s.clone(),
            };
            let l = ui.label(format!("{}.", k + 1));
            egui::ComboBox::from_id_salt(("doc", k))
                .selected_text(label(&doc.kind))
                .show_ui(ui, |ui| {
                    for x in [
                        DocumentKind::Pop,
                        DocumentKind::Gpmi,
                        DocumentKind::Evaluation,
                        DocumentKind::Contract,
                    ] {
                        let text = label(&x);
                        ui.selectable_value(&mut doc.kind, x, text);
                    }
                })
                .keys(ui)
                .labelled_by(l.id);
            if doc.kind != before {
                *key = Some(EditKey::Single);
            }
            if let Some(x) = date_edit_by(ui, &format!("doc-{k}"), l.id, doc.uploaded, lang) {
                doc.uploaded = x;
                *key = Some(EditKey::Single);
            }
            let what = format!("{} {}", lang.pick("document", "document"), k + 1);
            if delete_button(ui, &what, lang) {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        d.documents.remove(k);
        *key = Some(EditKey::Single);
    }
    if ui.button(lang.pick("+ Document", "+ Document")).clicked() {
        d.documents.push(Document {
            kind: DocumentKind::Evaluation,
            uploaded: d.start,
        });
        *key = Some(EditKey::Single);
    }
}

/// The notes' section, closed until opened or Ctrl+M adds a note of today (the section
/// then opens with the keyboard in the new note).
fn notes_section_ui(
    ui: &mut egui::Ui,
    d: &mut Dossier,
    key: &mut Option<EditKey>,
    cx: &ViewCx<'_>,
) {
    let add = ui.input_mut(|i| Command::AddNote.consume(i));
    if add {
        add_note(d, key, cx, ui.ctx());
    }
    let header = egui::CollapsingHeader::new(format!(
        "{} ({})",
        cx.lang.pick("Notities", "Notes"),
        d.notes.len()
    ))
    .id_salt("notes");
    let header = if add || super::focus::asked(ui.ctx(), super::focus::Field::NewNote) {
        header.open(Some(true))
    } else {
        header
    };
    header.show(ui, |ui| notes_ui(ui, d, key, cx));
}

/// A note of today by the one "my clients" names (else by the dossier's counsellor, who
/// most often writes its notes; the field says it and can be changed), the keyboard asked
/// for its text.
fn add_note(d: &mut Dossier, key: &mut Option<EditKey>, cx: &ViewCx<'_>, ctx: &egui::Context) {
    let author = cx
        .me
        .or(d.counsellor.as_deref())
        .map(str::to_string)
        .unwrap_or_default();
    d.notes.push(Note {
        date: cx.ws.today(),
        kind: NoteKind::Conversation,
        author,
        text: String::new(),
    });
    *key = Some(EditKey::Single);
    super::focus::request(ctx, super::focus::Field::NewNote);
}

/// The counsellor's notes, newest first: the day, the kind, who wrote it and the text
/// (up to 4,000 characters); "+ Note" (Ctrl+M) adds one of today.
fn notes_ui(ui: &mut egui::Ui, d: &mut Dossier, key: &mut Option<EditKey>, cx: &ViewCx<'_>) {
    use twe_core::model::bounds::MAX_NOTE_CHARS;
    let lang = cx.lang;
    ui.weak(lang.pick(
        "Vertrouwelijk: nooit op het plan voor de cliënt, in een agenda, de cijfers of een dia.",
        "Confidential: never on the client's plan, in a calendar, the figures or a slide.",
    ));
    // Newest first; the last added first among notes of one day.
    let mut order: Vec<usize> = (0..d.notes.len()).collect();
    order.sort_by(|&a, &b| d.notes[b].date.cmp(&d.notes[a].date).then(b.cmp(&a)));
    let newest = d.notes.len().checked_sub(1);
    let mut remove = None;
    for k in order {
        let note = &mut d.notes[k];
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(lang.pick("Notitie", "Note"));
            if let Some(x) = date_edit_by(ui, &format!("note-{k}"), l.id, note.date, lang) {
                note.date = x;
                *key = Some(EditKey::Single);
            }
            let before = note.kind.clone();
            egui::ComboBox::from_id_salt(("note-kind", k))
                .selected_text(note.kind.label(lang))
                .show_ui(ui, |ui| {
                    for x in NoteKind::CHOICES {
                        let text = x.label(lang);
                        ui.selectable_value(&mut note.kind, x, text);
                    }
                })
                .keys(ui)
                .labelled_by(l.id);
            if note.kind != before {
                *key = Some(EditKey::Single);
            }
            let who = ui.label(lang.pick("door", "by"));
            if ui
                .add(
                    egui::TextEdit::singleline(&mut note.author)
                        .char_limit(twe_core::model::bounds::MAX_TEXT_CHARS)
                        .desired_width(120.0),
                )
                .labelled_by(who.id)
                .changed()
            {
                *key = Some(EditKey::Field(format!("note-{k}-author")));
            }
            let what = format!("{} {}", lang.pick("notitie", "note"), k + 1);
            if delete_button(ui, &what, lang) {
                remove = Some(k);
            }
        });
        let text = ui.add(
            egui::TextEdit::multiline(&mut note.text)
                .char_limit(MAX_NOTE_CHARS)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(lang.pick("Wat werd besproken of gedaan", "What was said or done")),
        );
        text.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                format!(
                    "{} {}",
                    lang.pick("Tekst van notitie", "Text of note"),
                    k + 1
                ),
            )
        });
        if Some(k) == newest {
            super::focus::take(&text, super::focus::Field::NewNote);
        }
        if text.changed() {
            *key = Some(EditKey::Field(format!("note-{k}")));
        }
        if note.text.chars().count() >= MAX_NOTE_CHARS {
            ui.weak(format!(
                "{} {} {}",
                lang.pick("Ten hoogste", "At most"),
                twe_core::lang::number(MAX_NOTE_CHARS as i64, lang),
                lang.pick("tekens.", "characters.")
            ));
        }
        ui.add_space(4.0);
    }
    if let Some(k) = remove {
        d.notes.remove(k);
        *key = Some(EditKey::Single);
    }
    let add = ui
        .button(lang.pick("+ Notitie", "+ Note"))
        .on_hover_text(Command::AddNote.help(lang));
    if add.clicked() {
        add_note(d, key, cx, ui.ctx());
    }
}

fn activities_ui(ui: &mut egui::Ui, d: &mut Dossier, key: &mut Option<EditKey>, lang: Lang) {
    let mut remove = None;
    for (k, act) in d.activities.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let before = (act.kind.clone(), act.by);
            let l = ui.label(format!("{}.", k + 1));
            egui::ComboBox::from_id_salt(("act", k))
                .selected_text(act.kind.label(lang))
                .show_ui(ui, |ui| {
                    for x in [
                        ActivityKind::Cv,
                        ActivityKind::ApplicationTraining,
                        ActivityKind::JobCoaching,
                        ActivityKind::JobSearch,
                        ActivityKind::Reorientation,
                        ActivityKind::VdabService("screening".into()),
                    ] {
                        let text = x.label(lang);
                        ui.selectable_value(&mut act.kind, x, text);
                    }
                })
                .keys(ui)
                .labelled_by(l.id);
            let by = |a: Actor| match a {
                Actor::Ocmw => "OCMW",
                Actor::Organisation => lang.pick("organisatie", "organisation"),
                Actor::Vdab => "VDAB",
            };
            let by_label = ui.label(lang.pick("door", "by"));
            egui::ComboBox::from_id_salt(("by", k))
                .selected_text(by(act.by))
                .show_ui(ui, |ui| {
                    for a in [Actor::Ocmw, Actor::Organisation, Actor::Vdab] {
                        ui.selectable_value(&mut act.by, a, by(a));
                    }
                })
                .keys(ui)
                .labelled_by(by_label.id);
            if (act.kind.clone(), act.by) != before {
                *key = Some(EditKey::Single);
            }
            if let Some(x) = date_edit_by(ui, &format!("act-{k}"), l.id, act.date, lang) {
                act.date = x;
                *key = Some(EditKey::Single);
            }
            let what = format!("{} {}", lang.pick("activiteit", "activity"), k + 1);
            if delete_button(ui, &what, lang) {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        d.activities.remove(k);
        *key = Some(EditKey::Single);
    }
    if ui.button(lang.pick("+ Activiteit", "+ Activity")).clicked() {
        d.activities.push(Activity {
            kind: ActivityKind::Cv,
            date: d.start,
            by: Actor::Ocmw,
        });
        *key = Some(EditKey::Single);
    }
}

fn outcome_ui(ui: &mut egui::Ui, d: &mut Dossier, key: &mut Option<EditKey>, lang: Lang) {
    let mut on = d.outcome.is_some();
    if ui
        .checkbox(
            &mut on,
            lang.pick("Resultaatsmeting gedaan", "Outflow measured"),
        )
        .changed()
    {
        d.outcome = on.then(|| Outcome {
            at_work: None,
            measured: d.end.unwrap_or(d.start),
        });
        *key = Some(EditKey::Single);
    }
    if let Some(o) = &mut d.outcome {
        ui.horizontal(|ui| {
            let before = o.at_work;
            ui.radio_value(
                &mut o.at_work,
                Some(true),
                lang.pick("aan het werk", "at work"),
            );
            ui.radio_value(
                &mut o.at_work,
                Some(false),
                lang.pick("niet aan het werk", "not at work"),
            );
            ui.radio_value(&mut o.at_work, None, lang.pick("onbekend", "unknown"));
            if o.at_work != before {
                *key = Some(EditKey::Single);
            }
        });
        if let Some(x) = date_edit(
            ui,
            "measured",
            lang.pick("Gemeten op", "Measured on"),
            o.measured,
            lang,
        ) {
            o.measured = x;
            *key = Some(EditKey::Single);
        }
    }
}

/// Says, before any save, that the file's comments will not survive it: twe-planner writes
/// the dossier anew from its fields.
fn comments_notice_ui(ui: &mut egui::Ui, backup: &std::path::Path, lang: Lang) {
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.label(
        egui::RichText::new(match lang {
            Lang::Nl => format!(
                "Dit bestand bevat commentaar (// …). Opslaan bewaart dat niet; de vorige \
                 versie blijft dan als {name} naast het bestand."
            ),
            Lang::En => format!(
                "This file holds comments (// …). Saving does not keep them; the previous \
                 version then stays as {name} beside the file."
            ),
        })
        .color(super::palette::severity(
            twe_core::rules::Severity::Warning,
            ui.visuals().dark_mode,
        )),
    );
}

/// Says that this user may not write the dossier's file, and offers a copy to work on (saved
/// elsewhere), as `LibreOffice` offers for a read-only file.
fn read_only_notice_ui(ui: &mut egui::Ui, i: usize, lang: Lang, out: &mut Vec<Action>) {
    ui.colored_label(
        super::palette::severity(twe_core::rules::Severity::Warning, ui.visuals().dark_mode),
        format!(
            "🔒 {}",
            lang.pick(
                "Alleen lezen: u mag dit bestand niet wijzigen.",
                "Read-only: you may not write this file."
            )
        ),
    );
    if ui
        .button(lang.pick("Kopie openen", "Open a copy"))
        .on_hover_text(lang.pick(
            "Een nieuw dossier met dezelfde gegevens, dat u elders kan bewaren",
            "A new dossier with the same data, which you can save elsewhere",
        ))
        .clicked()
    {
        out.push(Action::Edit(Edit::CopyDossier(i)));
    }
}

/// Says that another window edits the dossier (who, where, since when), and offers a copy,
/// or to take a stale lock over.
fn locked_notice_ui(
    ui: &mut egui::Ui,
    i: usize,
    lock: &twe_core::workspace::LockInfo,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    ui.colored_label(
        super::palette::severity(twe_core::rules::Severity::Warning, ui.visuals().dark_mode),
        format!(
            "🔒 {} {}",
            lang.pick("Alleen lezen:", "Read-only:"),
            lock.describe(lang)
        ),
    );
    ui.horizontal(|ui| {
        if ui
            .button(lang.pick("Kopie openen", "Open a copy"))
            .clicked()
        {
            out.push(Action::Edit(Edit::CopyDossier(i)));
        }
        if lock.is_stale(chrono::Local::now().naive_local())
            && ui
                .button(lang.pick("Dossier overnemen…", "Take over…"))
                .clicked()
        {
            out.push(Action::Edit(Edit::AskTakeOver(i)));
        }
    });
}

/// The buttons that add, duplicate and delete instruments; returns the instrument to select.
/// A deletion says so, with the key that undoes it, as the timeline's Delete does.
fn instrument_buttons_ui(
    ui: &mut egui::Ui,
    d: &mut Dossier,
    select: Option<usize>,
    key: &mut Option<EditKey>,
    lang: Lang,
    out: &mut Vec<Action>,
) -> Option<usize> {
    let mut select = select;
    // Wrapped: the buttons go to a second line rather than widen the panel (and narrow the
    // timeline) when an instrument is selected.
    ui.horizontal_wrapped(|ui| {
        ui.heading(lang.pick("Instrument", "Instrument"));
        if ui.button(lang.pick("+ Toevoegen", "+ Add")).clicked() {
            d.instruments.push(d.next_instrument());
            select = Some(d.instruments.len() - 1);
            *key = Some(EditKey::Single);
        }
        if let Some(k) = select.filter(|&k| k < d.instruments.len()) {
            if ui.button(lang.pick("Dupliceren", "Duplicate")).clicked() {
                let mut copy = d.instruments[k].clone();
                let len = copy.end - copy.start;
                copy.start = copy.end + chrono::Days::new(1);
                copy.end = copy.start + len;
                d.instruments.insert(k + 1, copy);
                select = Some(k + 1);
                *key = Some(EditKey::Single);
            }
            if ui.button(lang.pick("Verwijderen", "Delete")).clicked() {
                let gone = d.instruments.remove(k);
                out.push(Action::Setting(Setting::Status(
                    super::command::deleted_status(ui.ctx(), move |lang| gone.label(lang)),
                )));
                select = None;
                *key = Some(EditKey::Single);
            }
        }
    });
    select
}

/// The editor panel: the open dossier's fields and the selected instrument. A change becomes
/// one edit action, the selection a selection action; it keeps only its own choices.
#[derive(Default)]
pub struct Editor {
    /// Whether changing an instrument's start moves its end along (keeping its length).
    keep_length: bool,
}

impl Editor {}

impl Panel for Editor {
    /// Draws the panel on a copy of the open dossier; what changed is one undoable edit.
    fn ui(&mut self, cx: &ViewCx<'_>, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        let Some((i, entry)) = cx.open_entry() else {
            return;
        };
        let mut d = entry.dossier().clone();
        let comments_backup = entry
            .path()
            .filter(|_| entry.file_has_comments())
            .map(twe_core::files::backup_path);
        let mut key: Option<EditKey> = None;
        let mut select = cx.sel.instrument;
        let locked = entry.locked_by();
        let read_only = entry.is_read_only();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading(lang.pick("Dossier", "Dossier"));
                    if locked.is_none()
                        && !read_only
                        && ui
                            .small_button(lang.pick("Verwijderen…", "Delete…"))
                            .on_hover_text(lang.pick(
                                "Het dossier en zijn bestand verwijderen",
                                "Delete the dossier and its file",
                            ))
                            .clicked()
                    {
                        out.push(Action::Edit(Edit::AskDelete(i)));
                    }
                });
                if let Some(lock) = locked {
                    locked_notice_ui(ui, i, lock, lang, out);
                } else if read_only {
                    read_only_notice_ui(ui, i, lang, out);
                }
                if let Some(backup) = &comments_backup {
                    comments_notice_ui(ui, backup, lang);
                }
                // Read-only while another window edits it, or where this user may not write.
                ui.add_enabled_ui(locked.is_none() && !read_only, |ui| {
                    dossier_fields_ui(ui, &mut d, &mut key, cx);
                    ui.separator();
                    select = instrument_buttons_ui(ui, &mut d, select, &mut key, lang, out);
                    match select.and_then(|k| d.instruments.get_mut(k)) {
                        Some(inst) => {
                            instrument_ui(ui, inst, &mut self.keep_length, &mut key, lang);
                        }
                        None => {
                            ui.weak(lang.pick(
                                "Klik op een balk in de tijdlijn om een instrument te bewerken.",
                                "Click a bar in the timeline to edit an instrument.",
                            ));
                        }
                    }
                    ui.separator();
                    egui::CollapsingHeader::new(format!(
                        "{} ({})",
                        lang.pick("Documenten", "Documents"),
                        d.documents.len()
                    ))
                    .id_salt("documents")
                    .show(ui, |ui| documents_ui(ui, &mut d, &mut key, lang));
                    egui::CollapsingHeader::new(format!(
                        "{} ({})",
                        lang.pick("Activiteiten", "Activities"),
                        d.activities.len()
                    ))
                    .id_salt("activities")
                    .show(ui, |ui| activities_ui(ui, &mut d, &mut key, lang));
                    egui::CollapsingHeader::new(lang.pick("Resultaat", "Outcome"))
                        .id_salt("outcome")
                        .show(ui, |ui| outcome_ui(ui, &mut d, &mut key, lang));
                    notes_section_ui(ui, &mut d, &mut key, cx);
                });
            });
        let edited = key.is_some();
        if let Some(key) = key {
            out.push(Action::Edit(Edit::Replace {
                entry: i,
                dossier: d,
                key,
            }));
        }
        // After an edit the selection is set again: applying the edit clamps it.
        if select != cx.sel.instrument || edited {
            out.push(Action::Select(Select::SelectInstrument(select)));
        }
    }
}

//! Every Flemish municipality name of 2017 or later: the 2025 map and the names the mergers
//! of 2019 and 2025 retired, each with its successor and province.

use super::Province;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashMap;

/// One municipality name, current or former.
#[derive(Clone, Debug, Deserialize)]
pub struct Municipality {
    /// The Dutch name, as dossiers write it.
    pub name: String,
    /// The French name (2025 map only).
    pub name_fr: Option<String>,
    /// The NIS (REFNIS) code (2025 map only).
    pub nis: Option<String>,
    /// NIS code of the province; see [`Municipality::province`].
    #[serde(rename = "province")]
    province_nis: String,
    /// Postal codes (2025 map only).
    pub postal_codes: Vec<String>,
    /// First year the name was in use (2017 for names older than the data).
    pub from: i32,
    /// Last year the name was in use, for a former municipality.
    pub until: Option<i32>,
    /// The municipality it merged into, for a former municipality.
    pub successor: Option<String>,
}

impl Municipality {
    /// The province; validated for every entry by a test.
    pub fn province(&self) -> Option<Province> {
        Province::from_nis(&self.province_nis)
    }

    /// Whether the name was in use in `year`.
    pub fn in_use(&self, year: i32) -> bool {
        self.from <= year && self.until.is_none_or(|u| u >= year)
    }
}

#[derive(Deserialize)]
struct Asset {
    attribution: String,
    municipalities: Vec<Municipality>,
}

/// The municipality list with lookups by exact and by approximate name.
#[derive(Debug)]
pub struct Municipalities {
    /// The entries, sorted by name.
    list: Vec<Municipality>,
    /// Name → index into `list`; Fx rather than `SipHash`: the check looks up every dossier's
    /// OCMW, and the names are our own embedded data, not an attacker's.
    by_name: FxHashMap<String, usize>,
    /// Normalised name (lower case, hyphens as spaces) → index, for suggestions.
    by_key: HashMap<String, usize>,
    /// The data's attribution, shown wherever the data is.
    pub attribution: String,
}

/// Lower case, hyphens as spaces, single spaces: "Sint-Martens Latem" ~ "Sint-Martens-Latem".
fn key(name: &str) -> String {
    name.to_lowercase()
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Municipalities {
    /// Parses the JSON asset written by `scripts/gen_municipalities.py`.
    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        let asset: Asset = serde_json::from_str(text)?;
        let by_name = asset
            .municipalities
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.clone(), i))
            .collect();
        let by_key = asset
            .municipalities
            .iter()
            .enumerate()
            .map(|(i, m)| (key(&m.name), i))
            .collect();
        Ok(Self {
            list: asset.municipalities,
            by_name,
            by_key,
            attribution: asset.attribution,
        })
    }

    /// Every entry.
    pub fn all(&self) -> &[Municipality] {
        &self.list
    }

    /// The entry with exactly this name.
    pub fn get(&self, name: &str) -> Option<&Municipality> {
        self.by_name.get(name).map(|&i| &self.list[i])
    }

    /// The province of a municipality name, current or former.
    pub fn province_of(&self, name: &str) -> Option<Province> {
        self.get(name).and_then(Municipality::province)
    }

    /// The municipalities in use in `year`.
    pub fn in_use(&self, year: i32) -> impl Iterator<Item = &Municipality> {
        self.list.iter().filter(move |m| m.in_use(year))
    }

    /// The known name `name` most likely means, if one is close enough to suggest: the same
    /// name written differently ("Scherpenheuvel-zichem"), a known name inside it as whole
    /// words ("Beveren-Waas", "O9CMW Grobbendonk"), or a small typo ("Gnet").
    pub fn nearest(&self, name: &str) -> Option<&str> {
        // A report names the same wrong name many times: each thread remembers its last
        // answers (a bounded memo, so hostile input cannot grow it without end).
        thread_local! {
            static MEMO: std::cell::RefCell<HashMap<(usize, String), Option<usize>>> =
                std::cell::RefCell::new(HashMap::new());
        }
        let me = std::ptr::from_ref(self) as usize;
        let memo = MEMO.with_borrow(|m| m.get(&(me, name.to_string())).copied());
        let found = if let Some(found) = memo {
            found
        } else {
            let found = self.nearest_index(name);
            MEMO.with_borrow_mut(|m| {
                if m.len() >= 4096 {
                    m.clear();
                }
                m.insert((me, name.to_string()), found);
            });
            found
        };
        found.map(|i| self.list[i].name.as_str())
    }

    /// [`Municipalities::nearest`], without the memo: the index of the suggestion.
    fn nearest_index(&self, name: &str) -> Option<usize> {
        let wanted = key(name);
        if wanted.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&wanted) {
            return Some(i);
        }
        let padded = format!(" {wanted} ");
        let inside = self
            .by_key
            .iter()
            .filter(|(k, _)| padded.contains(&format!(" {k} ")))
            .max_by_key(|(k, _)| k.len());
        if let Some((_, &i)) = inside {
            return Some(i);
        }
        let length = wanted.chars().count();
        let allowed = (length / 4).max(1);
        // A name whose length differs by more than `allowed` is further than that: it is
        // not compared at all (wording a report of 250,000 dossiers spent an eighth of its
        // time here).
        let (best, distance) = self
            .by_key
            .iter()
            .filter(|(k, _)| k.len().abs_diff(wanted.len()) <= allowed * 4)
            .filter(|(k, _)| k.chars().count().abs_diff(length) <= allowed)
            .map(|(k, &i)| (i, strsim::osa_distance(k, &wanted)))
            .min_by_key(|&(i, d)| (d, &self.list[i].name))?;
        (distance <= allowed).then_some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::municipalities;
    proptest::proptest! {
        /// Pruning by length never changes the suggestion: the pruned search agrees with a
        /// comparison against every known name, for names near real ones and for any text.
        #[test]
        fn nearest_prunes_nothing_it_would_suggest(
            pick in 0usize..400, edits in proptest::collection::vec((0usize..40, proptest::char::any()), 0..4),
            noise in "\\PC{0,12}",
        ) {
            let m = municipalities();
            let names: Vec<&str> = m.by_key.keys().map(String::as_str).collect();
            let mut name: Vec<char> = names[pick % names.len()].chars().collect();
            for (at, c) in edits {
                let at = at % (name.len() + 1);
                if at < name.len() && c.is_alphabetic() { name[at] = c } else { name.insert(at, c) }
            }
            for probe in [name.into_iter().collect::<String>(), noise.clone()] {
                let wanted = key(&probe);
                let full = if wanted.is_empty() || m.by_key.contains_key(&wanted) {
                    None
                } else {
                    m.by_key
                        .iter()
                        .map(|(k, &i)| (i, strsim::osa_distance(k, &wanted)))
                        .min_by_key(|&(i, d)| (d, &m.list[i].name))
                        .filter(|&(_, d)| d <= (wanted.chars().count() / 4).max(1))
                        .map(|(i, _)| m.list[i].name.as_str())
                };
                let padded = format!(" {wanted} ");
                let inside = m.by_key.keys().any(|k| padded.contains(&format!(" {k} ")));
                if !inside && !wanted.is_empty() && !m.by_key.contains_key(&wanted) {
                    proptest::prop_assert_eq!(m.nearest(&probe), full, "{}", probe);
                }
            }
        }
    }
}

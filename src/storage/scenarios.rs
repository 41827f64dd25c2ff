//! The scenarios of this browser, kept under their own local-storage key so that a problem
//! with them never touches the plan.
//!
//! Format 2 (written now): a header line `sop-scenarios,2,<token>`, their names, and the
//! scenarios in the plan's own checked encoding ([`super::encode`]), the way check-ins are
//! kept: the first scenario whole, each next one as its differences from the one before. Scenarios are
//! near-copies of the plan, so three cost little more than one (format 1 stored each as a
//! whole plan, three times the quota). The token is new at every save, so a tab can tell that
//! another tab saved the list since it last read it (see `ui/browser/scenario_store.rs`).
//!
//! Format 1 (read, no longer written): a JSON list of `{name, author, made, plan}`, each plan
//! a whole encoded plan.

use super::{decode, encode, StoreError, Stored};
use crate::engine::model::checkin::Snapshot;
use crate::engine::Plan;
use serde::{Deserialize, Serialize};

/// The format this app writes.
pub const FORMAT: u32 = 2;
const HEAD: &str = "sop-scenarios,";

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    pub author: String,
    pub made: String,
    pub plan: Plan,
}

/// A list read back, with the token of the save that wrote it (`None` for format 1).
#[derive(Clone, Debug, PartialEq)]
pub struct SavedList {
    pub token: Option<String>,
    pub list: Vec<SavedScenario>,
}

/// Who made a scenario and when: the second line of the stored text, one per scenario.
#[derive(Serialize, Deserialize)]
struct Label {
    name: String,
    author: String,
    made: String,
}

/// The list as stored text, written by the save with this `token` (letters and digits).
///
/// Three lines: `sop-scenarios,2,<token>`; a JSON list of each scenario's name, author and
/// date; the plans in the plan's checked encoding (absent for an empty list).
pub fn encode_scenarios(list: &[SavedScenario], token: &str) -> String {
    let labels: Vec<Label> = list
        .iter()
        .map(|s| Label {
            name: s.name.clone(),
            author: s.author.clone(),
            made: s.made.clone(),
        })
        .collect();
    let labels = serde_json::to_string(&labels).unwrap_or_else(|_| "[]".to_string());
    let mut text = format!("{HEAD}{FORMAT},{token}\n{labels}\n");
    if let Some((first, rest)) = list.split_first() {
        // Kept as check-ins are: snapshots are written newest last, each against the next
        // newer, so the second scenario is written against the first, the third against
        // the second…
        let snapshots = rest
            .iter()
            .rev()
            .map(|s| Snapshot {
                id: String::new(),
                taken: String::new(),
                author: String::new(),
                plan: s.plan.clone(),
            })
            .collect();
        text += &encode(&Stored {
            plan: first.plan.clone(),
            snapshots,
        });
    }
    text
}

/// The token of the save that wrote `text`, from its first line only (`None` for format 1
/// or text that is not a list of scenarios).
pub fn token_of(text: &str) -> Option<&str> {
    let line = text.strip_prefix(HEAD)?.split('\n').next()?;
    let (_, token) = line.split_once(',')?;
    Some(token)
}

/// The stored text back to the list; an error says what is wrong (never panics).
pub fn decode_scenarios(text: &str) -> Result<SavedList, StoreError> {
    if text.trim_start().starts_with('[') {
        return decode_format_1(text).map(|list| SavedList { token: None, list });
    }
    let Some(rest) = text.strip_prefix(HEAD) else {
        return Err(StoreError::NotOurs);
    };
    let mut lines = rest.splitn(3, '\n');
    let (head, labels, body) = match (lines.next(), lines.next(), lines.next()) {
        (Some(h), Some(l), Some(b)) => (h, l, b),
        _ => return Err(StoreError::Truncated),
    };
    let (version, token) = head
        .split_once(',')
        .ok_or_else(|| corrupt("its first line has no token".into()))?;
    let version: u32 = version
        .parse()
        .map_err(|_| corrupt(format!("its format '{version}' is not a number")))?;
    if version > FORMAT {
        return Err(StoreError::Newer { version });
    }
    let labels: Vec<Label> = serde_json::from_str(labels).map_err(|e| {
        corrupt(format!(
            "the names of the scenarios are not valid JSON ({e})"
        ))
    })?;
    let plans = if body.is_empty() {
        Vec::new()
    } else {
        let stored = decode(body).map_err(|e| match e {
            // In the scenarios' own words: they are kept as check-ins are, not check-ins.
            StoreError::Invalid { what } => StoreError::Invalid {
                what: what.replace("the check-in of", "a scenario"),
            },
            other => other,
        })?;
        let mut plans = vec![stored.plan];
        plans.extend(stored.snapshots.into_iter().rev().map(|s| s.plan));
        plans
    };
    if plans.len() != labels.len() {
        return Err(corrupt(format!(
            "it names {} scenarios but holds {}",
            labels.len(),
            plans.len()
        )));
    }
    let list = labels
        .into_iter()
        .zip(plans)
        .map(|(l, plan)| SavedScenario {
            name: l.name,
            author: l.author,
            made: l.made,
            plan,
        })
        .collect();
    Ok(SavedList {
        token: Some(token.to_string()),
        list,
    })
}

/// Why a list could not be read, in words about scenarios (the errors' own sentences speak
/// of "the saved plan").
pub fn reason(e: &StoreError) -> String {
    match e {
        StoreError::NotOurs => "it is not a list of scenarios saved by this app".into(),
        StoreError::Corrupt { what } => format!("it is damaged: {what}"),
        StoreError::Truncated => "it was cut off before the end".into(),
        StoreError::Newer { .. } => "it was written by a newer version of the app".into(),
        StoreError::Invalid { what } => {
            format!("it holds a value this app cannot accept: {what}")
        }
    }
}

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt { what }
}

#[derive(Serialize, Deserialize)]
struct Entry {
    name: String,
    author: String,
    made: String,
    plan: String,
}

/// A list in format 1 (each scenario a whole encoded plan): what this app wrote before, for
/// reading old saves and for the tests and the size figures that compare the two.
pub fn encode_format_1(list: &[SavedScenario]) -> String {
    let entries: Vec<Entry> = list
        .iter()
        .map(|s| Entry {
            name: s.name.clone(),
            author: s.author.clone(),
            made: s.made.clone(),
            plan: encode(&Stored {
                plan: s.plan.clone(),
                snapshots: Vec::new(),
            }),
        })
        .collect();
    serde_json::to_string(&entries).unwrap_or_else(|_| "[]".to_string())
}

fn decode_format_1(text: &str) -> Result<Vec<SavedScenario>, StoreError> {
    let entries: Vec<Entry> = serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        what: format!("the list of scenarios is not valid JSON ({e})"),
    })?;
    entries
        .into_iter()
        .map(|e| {
            let plan = decode(&e.plan)
                .map_err(|err| StoreError::Corrupt {
                    what: format!("scenario '{}': {err}", e.name),
                })?
                .plan;
            Ok(SavedScenario {
                name: e.name,
                author: e.author,
                made: e.made,
                plan,
            })
        })
        .collect()
}

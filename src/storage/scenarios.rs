//! The scenarios of this browser, kept under their own local-storage key so that a problem
//! with them never touches the plan: a JSON list of `{name, author, made, plan}`, each plan
//! saved like the live plan ([`super::encode`], with its checksum and version).

use super::{decode, encode, StoreError, Stored};
use crate::engine::Plan;
use serde::{Deserialize, Serialize};

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    pub author: String,
    pub made: String,
    pub plan: Plan,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    name: String,
    author: String,
    made: String,
    plan: String,
}

/// The list as stored text.
pub fn encode_scenarios(list: &[SavedScenario]) -> String {
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

/// The stored text back to the list; an error names the scenario that cannot be read.
pub fn decode_scenarios(text: &str) -> Result<Vec<SavedScenario>, StoreError> {
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

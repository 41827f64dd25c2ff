//! Who and what a plan is, so two copies of it can be recognised and merged: a plan id that
//! every copy keeps, a revision that grows with every change, who saved it last, and the
//! check-in snapshot both copies last shared (the base of a three-way merge).

use serde::{Deserialize, Serialize};

/// Identity of one copy of a plan: the shared id, its revision, last author and merge base.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// Stays the same in every copy of the plan; empty for a plan never saved or shared.
    pub id: String,
    /// Changes made to this copy since it was created (grows on every edit, undo and redo).
    pub revision: u64,
    /// Who saved it last ("Ana (Sales)"); empty when unknown.
    pub author: String,
    /// The id of the last check-in snapshot this copy shares with the others.
    pub base: Option<String>,
}

/// The three people of the weekly call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Looks at money and the overall picture; decides.
    Ceo,
    /// Owns the demand side: forecast, consensus, promotions.
    Sales,
    /// Owns the supply side: receipts, orders, stock.
    Operations,
}

impl Role {
    /// Every role, in the order the role picker lists them.
    pub const ALL: [Role; 3] = [Role::Ceo, Role::Sales, Role::Operations];

    /// The name shown and written in signatures ("Ana (Sales)").
    pub fn label(self) -> &'static str {
        match self {
            Role::Ceo => "CEO",
            Role::Sales => "Sales",
            Role::Operations => "Operations",
        }
    }

    /// The role a label names, ignoring case and spaces around it; `None` for anything else.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.label().eq_ignore_ascii_case(s.trim()))
    }
}

/// The person at this browser: edits and notes carry their name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// As typed by the person ("Ana").
    pub name: String,
    /// Which side of the call they speak for.
    pub role: Role,
}

impl Person {
    /// How edits and notes are signed: "Ana (Sales)".
    pub fn signature(&self) -> String {
        format!("{} ({})", self.name.trim(), self.role.label())
    }
}

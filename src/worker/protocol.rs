//! The messages between the page and a worker. Each request carries an id its answer
//! repeats; a worker first says [`Response::Ready`] with its [`PROTOCOL`] number, and a page
//! that finds another number (a worker file cached from an older build) asks for a reload
//! instead of reading answers it does not understand.

use crate::engine::forecast::baseline::Baseline;
use serde::{Deserialize, Serialize};

/// The version of these messages; bump it whenever one of them changes shape.
pub const PROTOCOL: u32 = 1;

/// What the page asks a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Fit the baseline of each sales history (`engine::forecast::baseline::fit`), `weeks`
    /// ahead.
    Fit {
        /// Repeated in the answer.
        id: u64,
        /// Weeks to forecast (the current week and after).
        weeks: usize,
        /// One sales history per SKU, in units.
        histories: Vec<Vec<f64>>,
    },
}

/// What a worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// Sent once, when the worker has started and listens.
    Ready {
        /// The worker's [`PROTOCOL`].
        protocol: u32,
    },
    /// The baselines of a [`Request::Fit`], one per history in its order (`None` for an
    /// empty history).
    Fitted {
        /// The request's id.
        id: u64,
        /// One per history.
        baselines: Vec<Option<Baseline>>,
    },
    /// A request the worker could not read or answer.
    Failed {
        /// The request's id (0 when it could not even be read).
        id: u64,
        /// What went wrong, for the planner's message.
        message: String,
    },
}

impl Request {
    /// The request's id.
    pub fn id(&self) -> u64 {
        match self {
            Request::Fit { id, .. } => *id,
        }
    }
}

impl Response {
    /// The id of the request this answers; `None` for [`Response::Ready`].
    pub fn id(&self) -> Option<u64> {
        match self {
            Response::Ready { .. } => None,
            Response::Fitted { id, .. } | Response::Failed { id, .. } => Some(*id),
        }
    }

    /// The baselines of a [`Response::Fitted`] answering a request for `expected` histories;
    /// what went wrong otherwise.
    pub fn into_baselines(self, expected: usize) -> Result<Vec<Option<Baseline>>, String> {
        match self {
            Response::Fitted { baselines, .. } if baselines.len() == expected => Ok(baselines),
            Response::Fitted { baselines, .. } => Err(format!(
                "the worker fitted {} SKUs instead of {expected}",
                baselines.len()
            )),
            Response::Failed { message, .. } => Err(message),
            Response::Ready { .. } => Err("the worker answered out of turn".into()),
        }
    }
}

/// A message as the JSON text posted between threads.
pub fn encode<T: Serialize>(message: &T) -> String {
    // Only numbers, strings and enums: serialising cannot fail (a non-finite number would
    // become null, and the histories and baselines are finite by construction).
    serde_json::to_string(message).unwrap_or_default()
}

/// A message back from its JSON text; what is wrong with it otherwise.
pub fn decode<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("an unreadable message ({e})"))
}

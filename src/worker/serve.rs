//! What a worker does with a request: plain Rust, so it is tested natively and the worker's
//! entry point only moves text in and out.

use super::protocol::{decode, encode, Request, Response};
use crate::engine::forecast::baseline::fit;
use crate::engine::model::calendar::MAX_HORIZON;

/// The answer to one request.
pub fn answer(request: Request) -> Response {
    match request {
        Request::Fit { id, weeks, .. } if weeks > MAX_HORIZON => Response::Failed {
            id,
            message: format!("{weeks} weeks ahead is more than a plan holds ({MAX_HORIZON})"),
        },
        Request::Fit {
            id,
            weeks,
            histories,
        } => Response::Fitted {
            id,
            baselines: histories.iter().map(|h| fit(h, weeks)).collect(),
        },
    }
}

/// The answer, as JSON text, to a request in JSON text; an unreadable request gets a
/// [`Response::Failed`] with id 0.
pub fn answer_text(text: &str) -> String {
    let response = match decode::<Request>(text) {
        Ok(request) => answer(request),
        Err(message) => Response::Failed { id: 0, message },
    };
    encode(&response)
}

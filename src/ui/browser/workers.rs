//! The page's side of the forecasting workers (`crate::worker`): a small pool, started on
//! first use (the worker's code is not part of the first load) and kept for the session,
//! so the browser fetches and compiles it once and caches it for the next visit.
//!
//! [`ask`] posts a request to the least busy worker and resolves to its answer. A worker
//! that fails (its file did not load, it panicked, it speaks another [`PROTOCOL`]) is
//! stopped, every request waiting on it resolves to an error that says so, and the next
//! request starts a fresh one.

use crate::worker::protocol::{decode, encode, Request, Response, PROTOCOL};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's loader, written by trunk next to index.html (`data-loader-shim`).
const LOADER: &str = "./sop-worker_loader.js";

/// Most workers, whatever the machine: each holds its own copy of the forecasting code.
const MOST: usize = 4;

type Reply = Box<dyn FnOnce(Result<Response, String>)>;

/// One running worker.
struct Slot {
    worker: Worker,
    /// Until the worker says it is ready (messages posted before it listens are lost).
    ready: bool,
    /// Requests posted before it was ready, as text.
    queue: Vec<String>,
    /// Ids of the requests it has not answered yet.
    busy: Vec<u64>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

#[derive(Default)]
struct Pool {
    slots: Vec<Option<Slot>>,
    replies: HashMap<u64, Reply>,
    next_id: u64,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
}

/// How many workers run at most: one per core, at most [`MOST`]. Not one core fewer, as is
/// usual: the page's thread waits while they fit and gets its turn from the system at once
/// when a key comes (measured on 2 cores: 2 workers fit 2,000 SKUs in 5.2-5.7 s, 1 worker in
/// 7.3 s; keys answered within 100 ms either way, `tests/e2e/reforecast_run.spec.mjs`).
pub fn size() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    let cores = if cores.is_finite() { cores as usize } else { 1 };
    cores.clamp(1, MOST)
}

/// Posts the request `make` builds (given its id) to the least busy worker, starting one if
/// needed; resolves to the worker's answer, or to why there is none.
pub async fn ask(make: impl FnOnce(u64) -> Request) -> Result<Response, String> {
    let answer: Rc<RefCell<Option<Result<Response, String>>>> = Rc::default();
    let mut make = Some(make);
    let kept = answer.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let kept = kept.clone();
        let reply: Reply = Box::new(move |r| {
            *kept.borrow_mut() = Some(r);
            let _ = resolve.call0(&JsValue::NULL);
        });
        if let Some(make) = make.take() {
            post(make, reply);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let got = answer.borrow_mut().take();
    got.unwrap_or_else(|| Err("the worker did not answer".into()))
}

fn post(make: impl FnOnce(u64) -> Request, reply: Reply) {
    let started = POOL.with_borrow_mut(|pool| {
        pool.next_id += 1;
        let id = pool.next_id;
        let text = encode(&make(id));
        let at = pool.least_busy();
        if pool.slots[at].is_none() {
            pool.slots[at] = Some(start(at)?);
        }
        let slot = pool.slots[at]
            .as_mut()
            .ok_or_else(|| "no worker".to_string())?;
        slot.busy.push(id);
        if slot.ready {
            if let Err(e) = slot.worker.post_message(&JsValue::from_str(&text)) {
                slot.busy.pop();
                return Err(format!("the worker took no message ({})", describe(&e)));
            }
        } else {
            slot.queue.push(text);
        }
        Ok(id)
    });
    // Answers come in a later task: the reply is in place before any can arrive.
    match started {
        Ok(id) => POOL
            .with_borrow_mut(|pool| pool.replies.insert(id, reply))
            .map_or((), drop),
        Err(e) => reply(Err(e)),
    }
}

impl Pool {
    /// The slot to post to: the one with fewest requests waiting (an empty slot, where a
    /// worker is yet to start, counts as none).
    fn least_busy(&mut self) -> usize {
        let n = size();
        if self.slots.len() < n {
            self.slots.resize_with(n, || None);
        }
        (0..self.slots.len())
            .min_by_key(|&i| self.slots[i].as_ref().map_or(0, |s| s.busy.len()))
            .unwrap_or(0)
    }

    /// Stops the worker in `at` and takes the replies it owed.
    fn fail(&mut self, at: usize) -> Vec<Reply> {
        let Some(slot) = self.slots.get_mut(at).and_then(Option::take) else {
            return Vec::new();
        };
        slot.worker.terminate();
        slot.busy
            .iter()
            .filter_map(|id| self.replies.remove(id))
            .collect()
    }
}

/// Starts the worker of slot `at`, its answers routed back by request id.
fn start(at: usize) -> Result<Slot, String> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(LOADER, &options)
        .map_err(|e| format!("the forecasting worker could not start ({})", describe(&e)))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        received(at, decode::<Response>(&text));
    });
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let why = event
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "its file did not load".into());
        stopped(at, format!("the forecasting worker stopped ({why})"));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Slot {
        worker,
        ready: false,
        queue: Vec::new(),
        busy: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A message from the worker of slot `at`.
fn received(at: usize, message: Result<Response, String>) {
    let reply = match message {
        Ok(Response::Ready { protocol }) if protocol != PROTOCOL => {
            return stopped(
                at,
                format!(
                    "the forecasting worker is from another version of the app \
                     (protocol {protocol}, not {PROTOCOL}): reload the page"
                ),
            );
        }
        Ok(Response::Ready { .. }) => return flush(at),
        Ok(response) => {
            let id = response.id().unwrap_or(0);
            POOL.with_borrow_mut(|pool| {
                if let Some(Some(slot)) = pool.slots.get_mut(at) {
                    slot.busy.retain(|&b| b != id);
                }
                pool.replies.remove(&id).map(|r| (r, response))
            })
        }
        Err(e) => return stopped(at, format!("the forecasting worker sent {e}")),
    };
    // Called with the pool released: a reply may ask again.
    if let Some((reply, response)) = reply {
        reply(Ok(response));
    }
}

/// Posts what waited for the worker of slot `at` to be ready.
fn flush(at: usize) {
    let failed = POOL.with_borrow_mut(|pool| {
        let Some(Some(slot)) = pool.slots.get_mut(at) else {
            return Ok(());
        };
        slot.ready = true;
        for text in std::mem::take(&mut slot.queue) {
            slot.worker
                .post_message(&JsValue::from_str(&text))
                .map_err(|e| format!("the worker took no message ({})", describe(&e)))?;
        }
        Ok(())
    });
    if let Err(why) = failed {
        stopped(at, why);
    }
}

/// Stops the worker of slot `at`; every request it owed resolves to `why`.
fn stopped(at: usize, why: String) {
    let owed = POOL.with_borrow_mut(|pool| pool.fail(at));
    for reply in owed {
        reply(Err(why.clone()));
    }
}

/// A thrown browser error as text.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

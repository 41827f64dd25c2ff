//! Meeting mode for the weekly call: an agenda bar (sales vs forecast → stock and receipts →
//! exceptions → decisions) with a 30-minute clock, and keys to walk the exceptions (see the
//! keymap's meeting intents). Each step says what it asks and lights up the part of the view
//! it is about; the rules live in [`crate::sheet::meeting`].

use crate::engine::calc::exceptions::Exception;
use crate::sheet::keymap::{intent_for, Intent};
use crate::sheet::meeting::{next_exception, Clock, Mood, Step};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Asks the decisions panel to open its form on the selected cell (a counter: each new
/// value is one request).
#[derive(Clone, Copy)]
pub struct DecisionRequest(pub RwSignal<u64>);

/// The meeting's state, shared by the bar and the weekly view.
#[derive(Clone, Copy)]
pub struct Meeting {
    pub clock: RwSignal<Option<Clock>>,
    /// `Date.now()`, ticking while the meeting runs.
    pub now: RwSignal<f64>,
    /// The exception under discussion (index into the ranked list).
    pub current: RwSignal<Option<usize>>,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

impl Meeting {
    pub fn new() -> Meeting {
        Meeting {
            clock: RwSignal::new(None),
            now: RwSignal::new(now_ms()),
            current: RwSignal::new(None),
        }
    }

    pub fn step(&self) -> Option<Step> {
        self.clock.with(|c| c.as_ref().map(Clock::step))
    }

    /// The class of the weekly view: which part the current step lights up.
    pub fn class(&self) -> String {
        match self.step() {
            Some(s) => format!("in-meeting meeting-step-{}", s.index() + 1),
            None => String::new(),
        }
    }

    fn go(&self, step: Step) {
        let t = now_ms();
        self.clock.update(|c| {
            if let Some(c) = c {
                c.go(step, t)
            }
        });
    }
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting::new()
    }
}

/// The button that starts the meeting (shown while none runs).
#[component]
pub fn MeetingStart(meeting: Meeting) -> impl IntoView {
    view! {
        <Show when=move || meeting.clock.with(Option::is_none)>
            <button data-testid="meeting-start" title="Agenda, 30-minute clock and keys for the weekly call"
                on:click=move |_| {
                    meeting.current.set(None);
                    meeting.now.set(now_ms());
                    meeting.clock.set(Some(Clock::start(now_ms())));
                }>"Start meeting"</button>
        </Show>
    }
}

/// Long on purpose (mostly `view!` markup and the agenda's key handlers, which share the
/// bar's signals); the agenda, clock and cursor rules are in `crate::sheet::meeting`.
#[component]
pub fn MeetingBar(
    meeting: Meeting,
    exceptions: Memo<Vec<Exception>>,
    /// Selects an exception's SKU and week in the grid, as clicking it does.
    on_exception: Callback<Exception>,
    decide: DecisionRequest,
) -> impl IntoView {
    let Meeting {
        clock,
        now,
        current,
    } = meeting;
    // The clock ticks while the meeting runs (Date.now and setInterval, so a test's fake
    // clock drives it).
    let ticking = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        let running = clock.with(Option::is_some);
        match (running, ticking.get_value()) {
            (true, None) => ticking.set_value(
                set_interval_with_handle(
                    move || now.set(now_ms()),
                    std::time::Duration::from_millis(250),
                )
                .ok(),
            ),
            (false, Some(h)) => {
                h.clear();
                ticking.set_value(None);
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        if let Some(h) = ticking.get_value() {
            h.clear();
        }
    });
    let exception = move |forward: bool| {
        let len = exceptions.with_untracked(Vec::len);
        let Some(i) = next_exception(current.get_untracked(), len, forward) else {
            return;
        };
        current.set(Some(i));
        if meeting.step() != Some(Step::Exceptions) {
            meeting.go(Step::Exceptions);
        }
        if let Some(e) = exceptions.with_untracked(|ex| ex.get(i).cloned()) {
            on_exception.run(e);
        }
    };
    let step = move |forward: bool| {
        if let Some(s) = meeting.step() {
            meeting.go(s.moved(forward));
        }
    };
    let record = move || {
        if let Some(e) = current
            .get_untracked()
            .and_then(|i| exceptions.with_untracked(|ex| ex.get(i).cloned()))
        {
            on_exception.run(e);
        }
        meeting.go(Step::Decisions);
        decide.0.update(|n| *n += 1);
    };
    // The meeting's keys work anywhere on the page but in a text field.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if clock.with_untracked(Option::is_none) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing {
            return;
        }
        match intent_for(&ev.key(), false, ev.shift_key()) {
            Some(Intent::NextException) => exception(true),
            Some(Intent::PrevException) => exception(false),
            Some(Intent::NextStep) => step(true),
            Some(Intent::PrevStep) => step(false),
            Some(Intent::Decide) => record(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let steps = move || {
        let current_step = meeting.step();
        let t = now.get();
        Step::ALL
            .iter()
            .map(|&s| {
                let spent = clock.with(|c| c.as_ref().map_or(0.0, |c| c.spent(s, t)));
                let here = current_step == Some(s);
                view! {
                    <button class="meeting-step" data-testid=format!("meeting-step-{}", s.index() + 1)
                        aria-current=if here { "step" } else { "false" }
                        on:click=move |_| meeting.go(s)>
                        <span class="n">{s.index() + 1}</span>" "{s.title()}
                        <span class="spent">{crate::sheet::meeting::mm_ss((spent / 1000.0).floor() as u64)}</span>
                    </button>
                }
            })
            .collect_view()
    };
    let timer = move || {
        let t = now.get();
        clock.with(|c| c.as_ref().map(|c| (c.reading(t), c.is_paused())))
    };
    view! {
        <Show when=move || clock.with(Option::is_some)>
            <section class="meeting" data-testid="meeting" aria-label="Meeting agenda">
                <div class="meeting-steps">
                    <button data-testid="meeting-prev" title="Previous step (P)" on:click=move |_| step(false)>"‹"</button>
                    {steps}
                    <button data-testid="meeting-next" title="Next step (N)" on:click=move |_| step(true)>"›"</button>
                </div>
                <div class=move || match timer() {
                        Some(((_, Mood::Amber), _)) => "meeting-timer amber",
                        Some(((_, Mood::Over), _)) => "meeting-timer over",
                        _ => "meeting-timer",
                    }
                    data-testid="meeting-timer" role="timer">{move || timer().map(|((text, _), _)| text)}</div>
                <button data-testid="meeting-pause" on:click=move |_| {
                    let t = now_ms();
                    clock.update(|c| if let Some(c) = c {
                        if c.is_paused() { c.resume(t) } else { c.pause(t) }
                    });
                    now.set(t);
                }>{move || if timer().is_some_and(|(_, paused)| paused) { "Resume" } else { "Pause" }}</button>
                <button data-testid="meeting-end" on:click=move |_| { clock.set(None); current.set(None); }>"End meeting"</button>
                <p class="meeting-prompt" data-testid="meeting-prompt">{move || meeting.step().map(Step::prompt)}</p>
                <div class="meeting-exceptions">
                    <button data-testid="meeting-prev-exception" title="Previous exception (K)" on:click=move |_| exception(false)>"↑ Previous"</button>
                    <span data-testid="meeting-exception-count">{move || {
                        let n = exceptions.with(Vec::len);
                        match current.get() {
                            Some(i) if n > 0 => format!("Exception {} of {n}", i + 1),
                            _ => format!("{n} exceptions"),
                        }
                    }}</span>
                    <button data-testid="meeting-next-exception" title="Next exception (J)" on:click=move |_| exception(true)>"↓ Next"</button>
                    <button data-testid="meeting-decide" title="Record a decision on this exception (D)" on:click=move |_| record()>"Record decision"</button>
                </div>
            </section>
        </Show>
    }
}

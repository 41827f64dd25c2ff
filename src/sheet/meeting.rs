//! The weekly call as a meeting: four agenda steps in the order the call runs (sales vs
//! forecast → stock and receipts → exceptions → decisions), a 30-minute clock that can be
//! paused, and a cursor over the exceptions. Plain Rust so the rules are tested natively; the
//! browser only feeds it `Date.now()`.

/// How long the weekly call may take.
pub const MEETING_MS: f64 = 30.0 * 60_000.0;
/// The clock turns amber when this much (or less) is left.
pub const AMBER_MS: f64 = 5.0 * 60_000.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    SalesVsForecast,
    StockAndReceipts,
    Exceptions,
    Decisions,
}

impl Step {
    pub const ALL: [Step; 4] = [
        Step::SalesVsForecast,
        Step::StockAndReceipts,
        Step::Exceptions,
        Step::Decisions,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Step::SalesVsForecast => "Sales vs forecast",
            Step::StockAndReceipts => "Stock and receipts",
            Step::Exceptions => "Exceptions",
            Step::Decisions => "Decisions",
        }
    }

    /// The question the step puts to the call.
    pub fn prompt(self) -> &'static str {
        match self {
            Step::SalesVsForecast => {
                "Last weeks' sales against the forecast: where did we miss, and is it a trend?"
            }
            Step::StockAndReceipts => {
                "Stock on hand and the receipts due: is anything late, short or too much?"
            }
            Step::Exceptions => "The exceptions, most urgent first: what do we do about each?",
            Step::Decisions => "Decisions: who does what by when; close the ones that are done.",
        }
    }

    /// The step after (`forward`) or before this one, staying at the ends.
    pub fn moved(self, forward: bool) -> Step {
        let i = Step::ALL.iter().position(|&s| s == self).unwrap_or(0);
        let j = if forward {
            (i + 1).min(Step::ALL.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        Step::ALL[j]
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
}

/// How the clock reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    OnTime,
    /// Five minutes or less left.
    Amber,
    /// Past the half hour.
    Over,
}

/// The meeting clock: started at a time, paused for a while, with the time spent per step.
#[derive(Clone, Debug, PartialEq)]
pub struct Clock {
    started: f64,
    /// Paused time before the current pause.
    paused: f64,
    /// When the current pause began.
    paused_at: Option<f64>,
    /// Time spent in each step, and when the current step began (running time).
    spent: [f64; 4],
    step: Step,
    step_from: f64,
}

impl Clock {
    pub fn start(now: f64) -> Clock {
        Clock {
            started: now,
            paused: 0.0,
            paused_at: None,
            spent: [0.0; 4],
            step: Step::SalesVsForecast,
            step_from: 0.0,
        }
    }

    /// Running time so far (pauses left out).
    pub fn elapsed(&self, now: f64) -> f64 {
        let until = self.paused_at.unwrap_or(now);
        (until - self.started - self.paused).max(0.0)
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    pub fn pause(&mut self, now: f64) {
        if self.paused_at.is_none() {
            self.paused_at = Some(now);
        }
    }

    pub fn resume(&mut self, now: f64) {
        if let Some(at) = self.paused_at.take() {
            self.paused += (now - at).max(0.0);
        }
    }

    pub fn step(&self) -> Step {
        self.step
    }

    /// Moves to another step, booking the time spent in this one.
    pub fn go(&mut self, step: Step, now: f64) {
        let t = self.elapsed(now);
        self.spent[self.step.index()] += t - self.step_from;
        self.step = step;
        self.step_from = t;
    }

    /// Running time spent in a step so far (the current one counts up).
    pub fn spent(&self, step: Step, now: f64) -> f64 {
        let mut s = self.spent[step.index()];
        if step == self.step {
            s += self.elapsed(now) - self.step_from;
        }
        s
    }

    /// "30:00" counting down, then "+01:00 over"; and how it reads.
    pub fn reading(&self, now: f64) -> (String, Mood) {
        let left = MEETING_MS - self.elapsed(now);
        if left >= 0.0 {
            // Whole seconds left, rounded up: 30:00 until a full second has gone.
            let s = (left / 1000.0).ceil() as u64;
            let mood = if left <= AMBER_MS {
                Mood::Amber
            } else {
                Mood::OnTime
            };
            (mm_ss(s), mood)
        } else {
            let s = (-left / 1000.0).floor() as u64;
            (format!("+{} over", mm_ss(s)), Mood::Over)
        }
    }
}

/// `125` → `02:05`; minutes grow past 59 (`75:00`).
pub fn mm_ss(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// The next (or previous) exception from `current` among `len`, stopping at the ends; the
/// first (or last) when none is current yet.
pub fn next_exception(current: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1).min(len - 1),
        (Some(i), false) => i.saturating_sub(1).min(len - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: f64 = 60_000.0;

    #[test]
    fn the_clock_counts_down_turns_amber_then_counts_over() {
        let mut c = Clock::start(1_000.0);
        assert_eq!(c.reading(1_000.0), ("30:00".into(), Mood::OnTime));
        assert_eq!(c.reading(1_400.0).0, "30:00");
        assert_eq!(c.reading(2_000.0).0, "29:59");
        assert_eq!(
            c.reading(1_000.0 + 5.0 * MIN),
            ("25:00".into(), Mood::OnTime)
        );
        assert_eq!(
            c.reading(1_000.0 + 25.0 * MIN),
            ("05:00".into(), Mood::Amber)
        );
        assert_eq!(
            c.reading(1_000.0 + 30.0 * MIN),
            ("00:00".into(), Mood::Amber)
        );
        assert_eq!(
            c.reading(1_000.0 + 31.0 * MIN),
            ("+01:00 over".into(), Mood::Over)
        );
        // Paused for ten minutes: those do not count.
        c.pause(1_000.0 + 2.0 * MIN);
        assert_eq!(c.reading(1_000.0 + 9.0 * MIN).0, "28:00");
        c.resume(1_000.0 + 12.0 * MIN);
        assert_eq!(c.reading(1_000.0 + 13.0 * MIN).0, "27:00");
        assert_eq!(mm_ss(75 * 60), "75:00");
    }

    #[test]
    fn time_is_booked_to_the_step_it_was_spent_in() {
        let mut c = Clock::start(0.0);
        c.go(Step::StockAndReceipts, 4.0 * MIN);
        c.go(Step::Exceptions, 10.0 * MIN);
        assert_eq!(c.spent(Step::SalesVsForecast, 11.0 * MIN), 4.0 * MIN);
        assert_eq!(c.spent(Step::StockAndReceipts, 11.0 * MIN), 6.0 * MIN);
        assert_eq!(c.spent(Step::Exceptions, 11.0 * MIN), 1.0 * MIN);
        // Back to an earlier step: its time adds up.
        c.go(Step::SalesVsForecast, 12.0 * MIN);
        assert_eq!(c.spent(Step::SalesVsForecast, 13.0 * MIN), 5.0 * MIN);
    }

    #[test]
    fn steps_and_exceptions_stop_at_the_ends() {
        assert_eq!(Step::SalesVsForecast.moved(false), Step::SalesVsForecast);
        assert_eq!(Step::SalesVsForecast.moved(true), Step::StockAndReceipts);
        assert_eq!(Step::Decisions.moved(true), Step::Decisions);
        assert_eq!(next_exception(None, 3, true), Some(0));
        assert_eq!(next_exception(Some(0), 3, true), Some(1));
        assert_eq!(next_exception(Some(2), 3, true), Some(2));
        assert_eq!(next_exception(Some(0), 3, false), Some(0));
        assert_eq!(next_exception(None, 3, false), Some(2));
        assert_eq!(next_exception(Some(5), 3, false), Some(2));
        assert_eq!(next_exception(None, 0, true), None);
    }
}

//! Who is at this browser: a display name and a role (CEO, Sales, Operations), kept in local
//! storage, shown in the top bar. Edits and notes are signed with it. Where the browser does
//! not let the app use its storage, the name lives in this tab only (and the form says so).

use crate::engine::{Person, Role, Workbook};
use leptos::prelude::*;

const KEY: &str = "sop.me";

/// Who is at this browser: the one place the app keeps it. The workbooks that sign changes
/// (the plan's and every scenario's) take the signature from here, through [`Me::sign`]
/// only; nothing else sets it.
#[derive(Clone, Copy)]
pub struct Me(RwSignal<Option<Person>>);

impl Me {
    /// The person saved in this browser, if any (unreadable data counts as nobody).
    pub fn load() -> Me {
        let person = crate::ui::browser::persist::read_key(KEY).and_then(|text| {
            serde_json::from_str::<Person>(&text)
                .ok()
                .filter(|p| !p.name.trim().is_empty())
        });
        Me(RwSignal::new(person))
    }

    /// Signs every change of these workbooks with the person (now, and each time they say
    /// another name). `workbooks` is re-read when the person or its own signals change, so
    /// a scenario made later signs too.
    pub fn sign(self, workbooks: impl Fn() -> Vec<RwSignal<Workbook>> + 'static) {
        let signature = Memo::new(move |_| self.0.with(|p| p.as_ref().map(Person::signature)));
        Effect::new(move |_| {
            let s = signature.get().unwrap_or_default();
            for wb in workbooks() {
                wb.update_untracked(|wb| wb.set_user(&s));
            }
        });
    }
}

/// The top-bar button and the small form behind it.
#[component]
pub fn MeButton(me: Me) -> impl IntoView {
    let Me(me) = me;
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Sales);
    let message = RwSignal::new(None::<String>);
    let show = move |_| {
        if let Some(p) = me.get_untracked() {
            name.set(p.name);
            role.set(p.role);
        }
        message.set(None);
        open.set(true);
    };
    let save = move |_| {
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            message.set(Some(
                "Type your name: edits and notes are signed with it.".to_string(),
            ));
            return;
        }
        if n.chars().count() > 40 {
            message.set(Some("Keep the name to 40 characters.".to_string()));
            return;
        }
        let p = Person {
            name: n,
            role: role.get_untracked(),
        };
        let kept = serde_json::to_string(&p)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                crate::ui::browser::persist::write_key(KEY, &text).map_err(|e| e.to_string())
            });
        me.set(Some(p));
        match kept {
            Ok(()) => open.set(false),
            Err(e) => message.set(Some(format!(
                "Your name is used in this tab, but this browser could not keep it: {e}."
            ))),
        }
    };
    view! {
        <button class="top-button me" data-testid="me" on:click=show>
            {move || me.get().map_or_else(|| "Who are you?".to_string(), |p| p.signature())}
        </button>
        <Show when=move || open.get()>
            <div class="popover me-form" data-testid="me-form">
                <label>"Your name "<input data-testid="me-name" prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev)) /></label>
                <label>"Role "<select data-testid="me-role" on:change=move |ev| {
                    if let Some(r) = Role::parse(&event_target_value(&ev)) { role.set(r) }
                }>
                    {Role::ALL.into_iter().map(|r| view! {
                        <option value=r.label() selected=move || role.get() == r>{r.label()}</option>
                    }).collect_view()}
                </select></label>
                <div class="message" data-testid="me-message">{move || message.get()}</div>
                <div class="actions">
                    <button data-testid="me-cancel" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button class="primary" data-testid="me-save" on:click=save>"Save"</button>
                </div>
            </div>
        </Show>
    }
}

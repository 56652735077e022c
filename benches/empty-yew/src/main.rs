//! An empty Yew app: one heading and one button, the size and start-up floor for the stack.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let clicks = use_state(|| 0u32);
    let onclick = {
        let clicks = clicks.clone();
        Callback::from(move |_| clicks.set(*clicks + 1))
    };
    html! {
        <main>
            <h1>{"Empty Yew app"}</h1>
            <button data-testid="ready" {onclick}>{format!("Clicked {}", *clicks)}</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}

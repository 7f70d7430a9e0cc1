//! Helpers shared by the wasm test files.

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets the reactive system apply pending updates (it runs them in a later task).
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

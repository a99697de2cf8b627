//! Pan and zoom of the map by pointer (drag, pinch, double tap), wheel and keys: the browser's
//! events forwarded to [`crate::gesture`], the view kept in a state the map renders.

use crate::gesture::{self, Frame, Gesture, Moved};
use crate::viewport::Viewport;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::{document, window};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent, WheelEvent};
use yew::prelude::*;

/// The view and the handlers to put on the map's element.
pub struct MapGestures {
    pub view: UseStateHandle<Viewport>,
    pub onpointerdown: Callback<PointerEvent>,
    pub onpointermove: Callback<PointerEvent>,
    pub onpointerup: Callback<PointerEvent>,
    /// Arrows and `+`/`-`; other keys are left to the map.
    pub onkeydown: Callback<KeyboardEvent>,
    /// Whether the pointer's last press was a click (not a drag or a pinch).
    pub gesture: Rc<RefCell<Gesture>>,
    /// The element's size in CSS pixels (measured once mounted and on each resize).
    pub size: (f64, f64),
}

/// The element's inner box (inside its border, where the map and its overlay are drawn).
fn frame_of(element: &Element) -> Frame {
    let r = element.get_bounding_client_rect();
    Frame {
        left: r.left() + f64::from(element.client_left()),
        top: r.top() + f64::from(element.client_top()),
        width: f64::from(element.client_width()),
        height: f64::from(element.client_height()),
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Gestures on the element behind `target`, over a map of `full_w`×`full_h` viewBox units.
#[hook]
pub fn use_map_gestures(target: NodeRef, full_w: f64, full_h: f64) -> MapGestures {
    let view = use_state(|| Viewport::new(full_w, full_h));
    let gesture = use_mut_ref(Gesture::default);
    // The view as of the latest change, for every handler: several pointer moves (a pinch's
    // two fingers) can come before the next render, and each must build on the one before.
    let latest = use_mut_ref(|| *view);
    *latest.borrow_mut() = *view;

    let size = use_state(|| (0.0, 0.0));
    {
        let (target, size) = (target.clone(), size.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(element) = target.cast::<Element>() {
                    let f = frame_of(&element);
                    size.set((f.width, f.height));
                }
            };
            measure();
            let listener = EventListener::new(&window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }

    // Wheel zoom needs a non-passive listener to keep the page from scrolling when it zooms.
    {
        let (target, view, latest) = (target.clone(), view.clone(), latest.clone());
        use_effect_with((), move |_| {
            let listener = target.cast::<Element>().map(|element| {
                let at = element.clone();
                EventListener::new_with_options(
                    &at,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<WheelEvent>() else { return };
                        let focused = document().active_element().is_some_and(|a| element.contains(Some(&a)));
                        let point = (f64::from(e.client_x()), f64::from(e.client_y()));
                        let current = *latest.borrow();
                        let lines = e.delta_mode() == 1;
                        if let Some(next) = gesture::wheel(
                            current,
                            e.delta_y(),
                            lines,
                            point,
                            frame_of(&element),
                            focused,
                            e.ctrl_key(),
                        ) {
                            e.prevent_default();
                            *latest.borrow_mut() = next;
                            view.set(next);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    let onpointerdown = {
        let gesture = gesture.clone();
        Callback::from(move |e: PointerEvent| {
            gesture.borrow_mut().down(e.pointer_id(), f64::from(e.client_x()), f64::from(e.client_y()))
        })
    };
    let onpointermove = {
        let (gesture, view, target, latest) = (gesture.clone(), view.clone(), target.clone(), latest.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(element) = target.cast::<Element>() else { return };
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let current = *latest.borrow();
            let next = match gesture.borrow_mut().moved(e.pointer_id(), x, y, current, frame_of(&element)) {
                Moved::Nothing => return,
                Moved::Drag(next) => {
                    // Captured only once it is a drag, so a click still reaches a shape.
                    let _ = element.set_pointer_capture(e.pointer_id());
                    next
                }
                Moved::Pinch(next) => next,
            };
            *latest.borrow_mut() = next;
            view.set(next);
        })
    };
    let onpointerup = {
        let (gesture, view, target, latest) = (gesture.clone(), view.clone(), target.clone(), latest.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(element) = target.cast::<Element>() else { return };
            let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
            let cancelled = e.type_() == "pointercancel";
            let ms = if cancelled { f64::NEG_INFINITY } else { now_ms() };
            let current = *latest.borrow();
            if let Some(next) = gesture.borrow_mut().up(e.pointer_id(), x, y, ms, current, frame_of(&element))
            {
                *latest.borrow_mut() = next;
                view.set(next);
            }
        })
    };
    let onkeydown = {
        let view = view.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = gesture::key(*view, &e.key()) {
                e.prevent_default();
                view.set(next);
            }
        })
    };
    MapGestures { view, onpointerdown, onpointermove, onpointerup, onkeydown, gesture, size: *size }
}

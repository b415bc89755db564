//! A monkey in the window: thousands of seeded random clicks, drags, key presses and typed
//! text over the sample workspace, in every view. No panic is allowed; a failure names its
//! seed and step so it can be replayed.

use crate::common::{SIZE, harness, today};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use twe_app::Window;
use twe_core::lang::Lang;
use twe_core::workspace::Workspace;

/// A small deterministic generator (xorshift64*): the same seed, the same monkey.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pos(&mut self) -> egui::Pos2 {
        egui::pos2(
            self.below(SIZE.x as u64) as f32,
            self.below(SIZE.y as u64) as f32,
        )
    }
}

const KEYS: [Key; 16] = [
    Key::ArrowUp,
    Key::ArrowDown,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::Escape,
    Key::Enter,
    Key::Tab,
    Key::Space,
    Key::F1,
    Key::F8,
    Key::F11,
    Key::Z,
    Key::Y,
    Key::A,
    Key::Backspace,
    Key::Delete,
];

fn monkey(seed: u64, steps: usize) {
    let mut rng = Rng(seed.max(1));
    let mut h = harness(Window::new(Workspace::sample(today()), Lang::En));
    for step in 0..steps {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            match rng.below(10) {
                0..=3 => {
                    let p = rng.pos();
                    h.hover_at(p);
                    h.drag_at(p);
                    h.drop_at(p);
                }
                4 => {
                    // A double click.
                    let p = rng.pos();
                    for _ in 0..2 {
                        h.drag_at(p);
                        h.drop_at(p);
                    }
                }
                5 | 6 => {
                    let (from, to) = (rng.pos(), rng.pos());
                    h.hover_at(from);
                    h.drag_at(from);
                    h.step();
                    h.hover_at(to);
                    h.step();
                    h.drop_at(to);
                }
                7 | 8 => {
                    let key = KEYS[rng.below(KEYS.len() as u64) as usize];
                    let modifiers = match rng.below(4) {
                        0 => Modifiers::COMMAND,
                        1 => Modifiers::SHIFT,
                        _ => Modifiers::NONE,
                    };
                    h.key_press_modifiers(modifiers, key);
                }
                _ => {
                    // Typing into a random text field.
                    let texts = ["12/03/2021", "31/02/2019", "Gent", "x", "é€", "-1", ""];
                    let text = texts[rng.below(texts.len() as u64) as usize];
                    let fields = h
                        .query_all_by_role(egui::accesskit::Role::TextInput)
                        .count();
                    if fields > 0 {
                        let k = rng.below(fields as u64) as usize;
                        if let Some(field) =
                            h.query_all_by_role(egui::accesskit::Role::TextInput).nth(k)
                        {
                            field.focus();
                            field.type_text(text);
                        }
                        h.key_press(Key::Enter);
                    }
                }
            }
            h.step();
        }));
        assert!(
            result.is_ok(),
            "seed {seed}, step {step}: the window panicked"
        );
    }
}

/// Steps per seed: 600 in `cargo test` (40 s in a debug build); `MONKEY_STEPS` for a long
/// run (`MONKEY_STEPS=20000 cargo test --release --test monkey`).
fn steps() -> usize {
    std::env::var("MONKEY_STEPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600)
}

#[test]
fn a_monkey_never_makes_the_window_panic() {
    for seed in [1, 2] {
        monkey(seed, steps());
    }
}

/// The walkthrough's crash: a double click on empty timeline space, then a click on a bar.
#[test]
fn a_double_click_on_empty_timeline_then_a_click_on_a_bar() {
    let mut h = harness(Window::new(Workspace::sample(today()), Lang::En));
    let frame = h.state().timeline_frame().unwrap();
    let empty = egui::pos2(frame.right() - 5.0, frame.bottom() - 5.0);
    for _ in 0..2 {
        h.drag_at(empty);
        h.drop_at(empty);
    }
    h.run();
    let bar = h.state().bar_rect(0).unwrap();
    h.hover_at(bar.center());
    h.drag_at(bar.center());
    h.drop_at(bar.center());
    h.run();
    assert_eq!(h.state().selection().instrument, Some(0));
}

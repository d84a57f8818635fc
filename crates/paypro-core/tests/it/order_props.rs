//! Properties of `paypro_core::order` under what Paypro and an attacker can deliver: retries
//! (duplicates), reordered deliveries, replayed downgrades (`00029` after `0000`), partial
//! payments then success, and arbitrary statuses and amounts, for several orders at once.
//!
//! Whatever arrives, per order: at most one fulfil; never both fulfil and mark-failed; nothing
//! happens after a final state; a fulfil only follows a `0000` whose amount is at least the
//! expected amount. And an honest life (processing, partial payments, one full success, in any
//! order and with any duplicates) is fulfilled exactly once.

use std::collections::HashMap;

use paypro_core::order::{Action, Event, Order};
use paypro_core::{Decimal, Status};
use proptest::prelude::*;

/// The amount an order expects: whole units or cents, from tiny to large.
fn expected_amount() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (1u64..=1_000_000).prop_map(Decimal::from),
        (1i64..=100_000_000).prop_map(|cents| Decimal::new(cents, 2)),
    ]
}

/// A notified amount relative to `expected`: absent, short, exact (with or without trailing
/// zeros), over, zero, negative, or arbitrary.
fn amount_near(expected: Decimal) -> impl Strategy<Value = Option<Decimal>> {
    prop_oneof![
        Just(None),
        Just(Some(expected)),
        Just(Some(expected.round_dp(2) + Decimal::new(0, 2))),
        Just(Some(expected - Decimal::new(1, 2))),
        Just(Some(expected + Decimal::ONE)),
        Just(Some(Decimal::ZERO)),
        Just(Some(-expected)),
        (0u64..=2_000_000).prop_map(|n| Some(Decimal::from(n))),
        (0i64..=200_000_000).prop_map(|c| Some(Decimal::new(c, 2))),
    ]
}

/// Any status: the named ones, the named failures, and random codes.
fn any_status() -> impl Strategy<Value = Status> {
    prop_oneof![
        3 => Just(Status::Success),
        2 => Just(Status::PartialPayment),
        2 => Just(Status::Processing),
        1 => prop::sample::select(vec!["00029", "0100019", "00032", "8000", "5000"])
            .prop_map(Status::from_code),
        1 => "[0-9]{4,7}".prop_map(|code| Status::from_code(&code)),
    ]
}

fn any_event(expected: Decimal) -> impl Strategy<Value = Event> {
    (any_status(), amount_near(expected)).prop_map(|(status, amount)| Event::new(status, amount))
}

/// One order's deliveries: random events, plus an honest life and a downgrade after it,
/// duplicated and shuffled.
fn deliveries(expected: Decimal) -> impl Strategy<Value = Vec<Event>> {
    let random = prop::collection::vec(any_event(expected), 0..12);
    let honest = honest_life(expected);
    let downgrade = prop::option::of(
        prop::sample::select(vec!["00029", "0100019", "8000"])
            .prop_map(|c| Event::new(Status::from_code(c), None)),
    );
    (
        random,
        honest,
        downgrade,
        prop::collection::vec(0usize..32, 0..8),
    )
        .prop_flat_map(|(random, honest, downgrade, dups)| {
            let mut all: Vec<Event> = random;
            all.extend(honest);
            all.extend(downgrade);
            if !all.is_empty() {
                let copies: Vec<Event> = dups.iter().map(|i| all[i % all.len()].clone()).collect();
                all.extend(copies);
            }
            Just(all).prop_shuffle()
        })
}

/// What a genuine pay-in can go through: `0015`s, `0001`s for less than the whole, and one
/// `0000` for the whole amount (or more), each possibly delivered several times.
fn honest_life(expected: Decimal) -> impl Strategy<Value = Vec<Event>> {
    let processing = Just(Event::new(Status::Processing, None));
    let partial = (1u64..=99).prop_map(move |pct| {
        let part = (expected * Decimal::from(pct) / Decimal::from(100)).round_dp(2);
        Event::new(Status::PartialPayment, Some(part))
    });
    let full = prop_oneof![
        Just(expected),
        Just(expected + Decimal::ONE),
        Just(expected.round_dp(2) + Decimal::new(0, 2)),
    ]
    .prop_map(|a| Event::new(Status::Success, Some(a)));
    (
        prop::collection::vec(prop_oneof![processing, partial], 0..5),
        full,
        1usize..=3,
    )
        .prop_map(|(before, full, copies)| {
            let mut life = before;
            life.extend(std::iter::repeat_n(full, copies));
            life
        })
}

/// Several orders, each with its deliveries, interleaved by `schedule`.
fn orders() -> impl Strategy<Value = (Vec<(Decimal, Vec<Event>)>, Vec<usize>)> {
    prop::collection::vec(
        expected_amount().prop_flat_map(|e| (Just(e), deliveries(e))),
        1..6,
    )
    .prop_flat_map(|orders| {
        let total: usize = orders.iter().map(|(_, d)| d.len()).sum();
        let schedule: Vec<usize> = orders
            .iter()
            .enumerate()
            .flat_map(|(i, (_, d))| std::iter::repeat_n(i, d.len()))
            .collect();
        assert_eq!(schedule.len(), total);
        (Just(orders), Just(schedule).prop_shuffle())
    })
}

/// What one order went through.
#[derive(Default)]
struct History {
    fulfils: usize,
    failures: usize,
}

/// Checks one step against the invariants; panics (a proptest failure) naming the broken one.
fn check_step(order: &Order, event: &Event, action: &Action, next: &Order, history: &mut History) {
    assert_eq!(
        next.expected(),
        order.expected(),
        "the expected amount never changes"
    );
    if order.is_final() {
        assert!(
            matches!(action, Action::Ignore(_)),
            "nothing happens after a final state: {order:?} + {event:?} gave {action:?}"
        );
        assert_eq!(next, order, "a final state never changes");
    }
    if let Action::Ignore(_) = action {
        assert_eq!(next, order, "an ignored event changes nothing");
    }
    match action {
        Action::Fulfil { amount } => {
            history.fulfils += 1;
            assert_eq!(
                event.status,
                Status::Success,
                "fulfil only on 0000: {event:?}"
            );
            let notified = event.amount.expect("fulfil only with an amount");
            assert!(
                notified >= order.expected(),
                "fulfil only for the expected amount or more: {notified} < {}",
                order.expected()
            );
            assert_eq!(*amount, notified);
            assert!(next.is_final());
        }
        Action::MarkFailed { .. } => {
            history.failures += 1;
            assert!(matches!(event.status, Status::Failed { .. }), "{event:?}");
            assert!(next.is_final());
        }
        _ => {}
    }
    assert!(history.fulfils <= 1, "fulfilled {} times", history.fulfils);
    assert!(
        history.failures <= 1,
        "marked failed {} times",
        history.failures
    );
    assert!(
        !(history.fulfils > 0 && history.failures > 0),
        "both fulfilled and marked failed"
    );
    // Storable: what a database keeps reads back as the same order.
    let stored = serde_json::to_string(next).expect("serializes");
    assert_eq!(
        &serde_json::from_str::<Order>(&stored).expect("reads back"),
        next
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn no_sequence_of_notifications_breaks_the_invariants((orders, schedule) in orders()) {
        let mut book: HashMap<usize, Order> = orders
            .iter()
            .enumerate()
            .map(|(i, (expected, _))| (i, Order::new(*expected).expect("positive")))
            .collect();
        let mut next_delivery = vec![0usize; orders.len()];
        let mut histories: Vec<History> = orders.iter().map(|_| History::default()).collect();
        for i in schedule {
            let event = &orders[i].1[next_delivery[i]];
            next_delivery[i] += 1;
            let order = book[&i].clone();
            let (action, next) = order.apply(event);
            check_step(&order, event, &action, &next, &mut histories[i]);
            book.insert(i, next);
        }
    }

    #[test]
    fn an_honest_life_in_any_order_is_fulfilled_exactly_once(
        (expected, life) in expected_amount().prop_flat_map(|e| {
            (Just(e), honest_life(e).prop_flat_map(|l| Just(l).prop_shuffle()))
        })
    ) {
        let mut order = Order::new(expected).expect("positive");
        let mut history = History::default();
        for event in &life {
            let (action, next) = order.apply(event);
            check_step(&order, event, &action, &next, &mut history);
            order = next;
        }
        prop_assert_eq!(history.fulfils, 1, "{:?}", life);
        prop_assert!(order.is_final());
    }

    #[test]
    fn an_honest_failure_in_any_order_is_marked_failed_exactly_once(
        (expected, life) in (expected_amount(), honest_failure().prop_flat_map(|l| Just(l).prop_shuffle()))
    ) {
        let mut order = Order::new(expected).expect("positive");
        let mut history = History::default();
        for event in &life {
            let (action, next) = order.apply(event);
            check_step(&order, event, &action, &next, &mut history);
            order = next;
        }
        prop_assert_eq!(history.failures, 1, "{:?}", life);
        prop_assert_eq!(history.fulfils, 0);
    }
}

/// A genuine failure: `0015`s, then one failure code, possibly delivered several times.
fn honest_failure() -> impl Strategy<Value = Vec<Event>> {
    (
        0usize..4,
        1usize..4,
        prop::sample::select(vec!["00029", "0100019"]),
    )
        .prop_map(|(processing, copies, code)| {
            std::iter::repeat_n(Event::new(Status::Processing, None), processing)
                .chain(std::iter::repeat_n(
                    Event::new(Status::from_code(code), None),
                    copies,
                ))
                .collect()
        })
}

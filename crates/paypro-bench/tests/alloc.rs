//! Heap allocations are counted, not timed: a counting global allocator (per thread, so the
//! test harness's own threads do not interfere) shows that `sign()` allocates nothing and
//! `PreparedRequest::new` at most 3 times, for every country's pay-in, and how many times a
//! response is read into its typed reply.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use paypro_bench::{
    callback_id, credentials, pay_in_bd, pay_in_eg, pay_in_id, pay_in_ke, pay_in_mx, prepare, sign,
};
use paypro_core::{Credentials, Endpoint, SecretPlacement};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; counting touches only a
// const-initialised thread-local `Cell`, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (reallocations included) made by `f` on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (ALLOCATIONS.with(Cell::get) - before, out)
}

fn check<E: Endpoint>(cc: &str, request: &E, c: &Credentials) -> String {
    let (n, _) = allocations(|| sign(request, c));
    let (m, prepared) = allocations(|| prepare(request, c));
    assert!(!prepared.body.is_empty());
    let line = format!("{cc}: sign() {n}, PreparedRequest::new {m}");
    assert_eq!(n, 0, "{line}: sign() must not allocate");
    assert!(
        m <= 3,
        "{line}: PreparedRequest::new must allocate at most 3 times"
    );
    line
}

#[test]
fn sign_allocates_nothing_and_prepare_at_most_three_times() {
    let c = credentials();
    let lines = [
        check("bd", &pay_in_bd(), &c),
        check("mx", &pay_in_mx(), &c),
        check("id", &pay_in_id(), &c),
        check("ke", &pay_in_ke(), &c),
        check("eg", &pay_in_eg(), &c),
    ];
    println!("{}", lines.join("\n"));
}

#[test]
fn a_prepended_secret_allocates_no_more() {
    let appended = credentials();
    let prepended = Credentials::new(
        appended.merchant_no(),
        appended
            .secret()
            .clone()
            .with_placement(SecretPlacement::Prepend),
    );
    let request = pay_in_id();
    assert_ne!(
        sign(&request, &appended),
        sign(&request, &prepended),
        "the placement changes the signature"
    );
    // The benches' MD5 floor hashes the same bytes as the signer, whichever the placement.
    for c in [&appended, &prepended] {
        let floor = paypro_bench::Md5Floor::of(&request, c).run();
        assert_eq!(&floor[..], sign(&request, c).as_str().as_bytes());
    }
    check("id (secret prepended)", &request, &prepended);
}

#[test]
fn the_counter_counts() {
    // A test that could not fail would prove nothing: the counter sees a String's buffer and
    // its growth, and the callback fixture's verification allocates.
    let (n, s) = allocations(|| {
        let mut s = String::with_capacity(1);
        s.push_str("more than one byte");
        s
    });
    assert_eq!(n, 2, "one allocation and one reallocation");
    drop(s);
    let body = callback_id();
    let verifier = paypro_id::Verifier::new(credentials().secret().clone());
    let (n, _) = allocations(|| paypro_bench::verify_callback(body.as_bytes(), &verifier));
    assert!(n > 0);
}

/// Reading the client bench's answer (an accepted query with six fields of `data`) into its
/// typed reply: the body is read once, envelope and `data` together, with no copy of a key or
/// a value but the typed result's own `String`s.
#[test]
fn a_response_is_read_with_few_allocations() {
    let (n, envelope) = allocations(|| {
        paypro_core::Envelope::<paypro_id::QueryPayInResponse>::parse(
            paypro_bench::ANSWER_QUERY_PAY_IN,
        )
    });
    let envelope = envelope.expect("the bench's answer reads");
    assert!(envelope.is_accepted() && envelope.data.is_some());
    println!("Envelope::parse: {n} allocations");
    // 24 when the envelope was read by the full reader (a `String` and a `Box` per field) and
    // `data` read again: now the two field lists, `data`'s index, `code` and `msg`, and the
    // typed `data`'s own.
    assert!(n <= 12, "Envelope::parse allocated {n} times");
}

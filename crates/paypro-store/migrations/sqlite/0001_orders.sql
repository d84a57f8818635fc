-- Every table is prefixed `paypro_`, so the store can share a database with the shop's own
-- tables (an `orders` table of the shop's is never read or written).
--
-- Orders by key (`pay-in:<tradeNo>`, `payout:<tradeNo>`, or a key of the merchant's own),
-- stored as Order's flat JSON record, with where its creation stands and when the reconciler
-- should next ask Paypro about it.
CREATE TABLE paypro_orders (
    key              TEXT PRIMARY KEY NOT NULL,
    record           TEXT NOT NULL,
    created_ms       INTEGER NOT NULL,
    updated_ms       INTEGER NOT NULL,
    -- `pay-in` or `payout` (NULL: registered under a key of the merchant's own; never queried).
    flow             TEXT,
    trade_no         TEXT,
    -- registered | sending | accepted | refused | uncertain
    submission       TEXT NOT NULL DEFAULT 'registered',
    -- The endpoint and the exact body sent, recorded before the first byte left.
    endpoint         TEXT,
    request          TEXT,
    send_error       TEXT,
    -- When the reconciler should query the order; NULL once it is final or needs a person.
    check_after_ms   INTEGER,
    checks           INTEGER NOT NULL DEFAULT 0,
    last_check_error TEXT,
    -- Why the reconciler gave up: a person must look at the order.
    needs_person     TEXT
);
CREATE INDEX paypro_orders_due ON paypro_orders (check_after_ms) WHERE check_after_ms IS NOT NULL;
-- The outbox: every action decided for an order, written in the same transaction as the
-- order's next state, performed by a worker that claims it with a lease and marks it done.
CREATE TABLE paypro_actions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    key            TEXT NOT NULL REFERENCES paypro_orders (key),
    action         TEXT NOT NULL,
    status         TEXT NOT NULL,
    record         TEXT NOT NULL,
    at_ms          INTEGER NOT NULL,
    done_ms        INTEGER,
    attempts       INTEGER NOT NULL DEFAULT 0,
    next_at_ms     INTEGER NOT NULL DEFAULT 0,
    lease_until_ms INTEGER,
    last_error     TEXT
);
CREATE INDEX paypro_actions_pending ON paypro_actions (next_at_ms) WHERE done_ms IS NULL;

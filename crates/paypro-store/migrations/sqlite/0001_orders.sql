-- Orders by key (tradeNo, or kind:tradeNo), stored as Order's flat JSON record.
CREATE TABLE orders (
    key        TEXT PRIMARY KEY NOT NULL,
    record     TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
-- Every action decided for an order, written in the same transaction as the order's next
-- state: a worker performs the pending ones (fulfilment, refund review) and marks them done.
CREATE TABLE actions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    key        TEXT NOT NULL REFERENCES orders (key),
    action     TEXT NOT NULL,
    status     TEXT NOT NULL,
    record     TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    done_ms    INTEGER
);
CREATE INDEX actions_pending ON actions (done_ms) WHERE done_ms IS NULL;

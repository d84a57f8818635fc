-- Tables prefixed `paypro_`: never the shop's own.
-- Orders by key (tradeNo, or kind:tradeNo), stored as Order's flat JSON record.
CREATE TABLE paypro_orders (
    key        TEXT PRIMARY KEY,
    record     TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);
-- Every action decided for an order, written in the same transaction as the order's next
-- state: a worker performs the pending ones (fulfilment, refund review) and marks them done.
CREATE TABLE paypro_actions (
    id      BIGSERIAL PRIMARY KEY,
    key     TEXT NOT NULL REFERENCES paypro_orders (key),
    action  TEXT NOT NULL,
    status  TEXT NOT NULL,
    record  TEXT NOT NULL,
    at_ms   BIGINT NOT NULL,
    done_ms BIGINT
);
CREATE INDEX paypro_actions_pending ON paypro_actions (done_ms) WHERE done_ms IS NULL;

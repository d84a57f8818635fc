-- The order lifecycle: where an order's creation stands (the exact request, recorded before
-- it was sent), when the reconciler should next query it, and the outbox's leases.
ALTER TABLE paypro_orders
    ADD COLUMN flow             TEXT,
    ADD COLUMN trade_no         TEXT,
    ADD COLUMN submission       TEXT NOT NULL DEFAULT 'registered',
    ADD COLUMN endpoint         TEXT,
    ADD COLUMN request          TEXT,
    ADD COLUMN send_error       TEXT,
    ADD COLUMN check_after_ms   BIGINT,
    ADD COLUMN checks           BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN last_check_error TEXT,
    ADD COLUMN needs_person     TEXT;
CREATE INDEX paypro_orders_due ON paypro_orders (check_after_ms) WHERE check_after_ms IS NOT NULL;
-- Actions recorded before this migration were never performed: the worker performs them now.
ALTER TABLE paypro_actions
    ADD COLUMN attempts       BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN next_at_ms     BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN lease_until_ms BIGINT,
    ADD COLUMN last_error     TEXT;
DROP INDEX paypro_actions_pending;
CREATE INDEX paypro_actions_pending ON paypro_actions (next_at_ms) WHERE done_ms IS NULL;

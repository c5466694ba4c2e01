-- What an order earns: the monthly recurring charge of the quote it was made from (0 for an order made
-- without one), in the quote's currency.
ALTER TABLE orders ADD COLUMN mrc NUMERIC(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN currency VARCHAR(3) NOT NULL DEFAULT 'EUR';

-- Every state an order entered, and when (each at most once: the lifecycle only moves forward). The
-- portfolio's monthly history is built from these; orders made before this version get theirs from the
-- audit log, which recorded every state change with its time.
CREATE TABLE order_event (
    order_id VARCHAR(100) NOT NULL REFERENCES orders (id),
    state    VARCHAR(20)  NOT NULL CHECK (state IN ('draft', 'submitted', 'reserved', 'active', 'ceased', 'cancelled')),
    at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (order_id, state)
);
CREATE INDEX order_event_at ON order_event (at);

INSERT INTO order_event (order_id, state, at)
SELECT substr(a.entity, 7), a.after, MIN(a.at)
FROM audit a
WHERE a.entity LIKE 'order %'
  AND a.after IN ('draft', 'submitted', 'reserved', 'active', 'ceased', 'cancelled')
  AND EXISTS (SELECT 1 FROM orders o WHERE o.id = substr(a.entity, 7))
GROUP BY substr(a.entity, 7), a.after;

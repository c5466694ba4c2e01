-- Orders move draft → submitted → reserved → active → ceased (or cancelled); the bandwidth each needs
-- per span is fixed when it is created. Every state change is audited in the same transaction.
CREATE TABLE orders (
    id         VARCHAR(100) PRIMARY KEY,
    customer   VARCHAR(200) NOT NULL,
    network    VARCHAR(100) NOT NULL,
    state      VARCHAR(20)  NOT NULL CHECK (state IN ('draft', 'submitted', 'reserved', 'active', 'ceased', 'cancelled')),
    created_at TIMESTAMP    NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);

CREATE TABLE order_span (
    order_id VARCHAR(100)     NOT NULL REFERENCES orders (id),
    span_id  VARCHAR(200)     NOT NULL,
    gbps     DOUBLE PRECISION NOT NULL CHECK (gbps > 0),
    PRIMARY KEY (order_id, span_id)
);

CREATE TABLE audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TIMESTAMP    NOT NULL,
    actor    VARCHAR(200) NOT NULL,
    action   VARCHAR(50)  NOT NULL,
    entity   VARCHAR(200) NOT NULL,
    before   VARCHAR(4000),
    after    VARCHAR(4000)
);

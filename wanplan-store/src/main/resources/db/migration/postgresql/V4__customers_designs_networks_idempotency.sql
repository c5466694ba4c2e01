-- Customers and the designs (with their quotes) made for them; networks imported by upload; the
-- responses to POST requests that carried an Idempotency-Key, so a retry gets the same answer.
CREATE TABLE customer (
    id         VARCHAR(100) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    created_at TIMESTAMP    NOT NULL
);

CREATE TABLE design (
    id          VARCHAR(100) PRIMARY KEY,
    customer_id VARCHAR(100) NOT NULL REFERENCES customer (id),
    network     VARCHAR(100) NOT NULL,
    topology    VARCHAR(30)  NOT NULL,
    request     TEXT         NOT NULL,
    result      TEXT         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(200) NOT NULL
);

-- the bandwidth an order made from the design reserves, per backbone span
CREATE TABLE design_span (
    design_id VARCHAR(100)     NOT NULL REFERENCES design (id),
    span_id   VARCHAR(200)     NOT NULL,
    gbps      DOUBLE PRECISION NOT NULL CHECK (gbps > 0),
    PRIMARY KEY (design_id, span_id)
);

ALTER TABLE orders ADD COLUMN design_id VARCHAR(100) REFERENCES design (id);

CREATE TABLE network_file (
    name       VARCHAR(100) PRIMARY KEY,
    body       TEXT         NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    created_by VARCHAR(200) NOT NULL
);

-- keys are per caller: two tokens may use the same key without seeing each other's responses
CREATE TABLE idempotency (
    actor       VARCHAR(200) NOT NULL,
    idem_key    VARCHAR(200) NOT NULL,
    fingerprint CHAR(64)     NOT NULL,
    status      INTEGER      NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (actor, idem_key)
);

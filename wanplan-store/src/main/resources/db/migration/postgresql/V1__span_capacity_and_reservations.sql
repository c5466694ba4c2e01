-- Capacity per backbone span and what orders have reserved of it. The same SQL runs on PostgreSQL and
-- on H2 in PostgreSQL mode.
CREATE TABLE span_capacity (
    network       VARCHAR(100)     NOT NULL,
    span_id       VARCHAR(200)     NOT NULL,
    capacity_gbps DOUBLE PRECISION NOT NULL CHECK (capacity_gbps >= 0),
    reserved_gbps DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (reserved_gbps >= 0),
    PRIMARY KEY (network, span_id),
    CHECK (reserved_gbps <= capacity_gbps + 1e-9)
);

CREATE TABLE reservation (
    order_id VARCHAR(100)     NOT NULL,
    network  VARCHAR(100)     NOT NULL,
    span_id  VARCHAR(200)     NOT NULL,
    gbps     DOUBLE PRECISION NOT NULL CHECK (gbps > 0),
    PRIMARY KEY (order_id, network, span_id),
    FOREIGN KEY (network, span_id) REFERENCES span_capacity (network, span_id)
);

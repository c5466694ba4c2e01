-- API tokens are stored as SHA-256 hashes: the token itself is shown once, when it is created.
CREATE TABLE api_token (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash CHAR(64)     NOT NULL UNIQUE,
    role       VARCHAR(10)  NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
    created_at TIMESTAMP    NOT NULL,
    created_by VARCHAR(200) NOT NULL
);

-- A revoked token no longer authenticates; its row stays, so the audit log's 'token#ID' still names it.
ALTER TABLE api_token ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE api_token ADD COLUMN revoked_by VARCHAR(200);

package org.wanplan.store;

import java.time.Instant;

/** One state change: who did what to which entity, when, and the state before and after (null when none). */
public record AuditEntry(
        long id, Instant at, String actor, String action, String entity, String before, String after) {}

package org.wanplan.store;

/** An authenticated API caller: the name the audit log records ({@code token#ID}) and its role. */
public record Caller(String name, Role role) {}

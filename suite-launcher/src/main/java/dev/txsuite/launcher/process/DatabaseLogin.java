package dev.txsuite.launcher.process;

/** How a service reaches its database. */
public record DatabaseLogin(String jdbcUrl, String username, String password) {}

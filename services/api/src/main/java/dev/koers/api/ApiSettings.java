package dev.koers.api;

/** Where the HTTP API listens. Port 0 picks a free port (tests). */
public record ApiSettings(String host, int port) {}

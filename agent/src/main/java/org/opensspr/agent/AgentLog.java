package org.opensspr.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The agent's log (java.util.logging, logger {@code org.opensspr.agent}). Quiet by default; with
 * {@code logging --verbose on} every command appends requests, responses' status codes, files and
 * decisions to {@code <state-dir>/agent.log} (owner-only). What is logged never holds a secret:
 * callers log no secret, and as a second line of defence every secret the agent has seen in this
 * run (join token, device secret) is replaced by {@code [redacted]} before a line is written.
 */
public final class AgentLog {

    public static final Logger LOG = Logger.getLogger("org.opensspr.agent");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private AgentLog() {}

    /** Remembers {@code secret} so that no log line can carry it. */
    public static void secret(String secret) {
        if (secret != null && secret.length() >= 4) {
            SECRETS.add(secret);
        }
    }

    /**
     * Starts logging for one command: verbose to {@code file} (created owner-only; its directory
     * must exist), or nothing (the command prints its own errors). Closing undoes it.
     */
    public static AutoCloseable open(Path file, boolean verbose) {
        LOG.setUseParentHandlers(false);
        if (!verbose) {
            LOG.setLevel(Level.OFF);
            return SECRETS::clear;
        }
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
                FilePermissions.set(file, "rw-------");
            }
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND);
            Handler handler = new StreamHandler(out, new Redacting());
            handler.setLevel(Level.ALL);
            LOG.addHandler(handler);
            LOG.setLevel(Level.FINE);
            return () -> {
                LOG.removeHandler(handler);
                handler.close();
                LOG.setLevel(Level.OFF);
                SECRETS.clear();
            };
        } catch (IOException e) {
            throw new AgentException(ExitCode.USAGE, "cannot open the log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The standard one-line format with every known secret replaced. */
    private static final class Redacting extends Formatter {
        @Override
        public String format(LogRecord record) {
            String line = record.getInstant() + " " + record.getLevel() + " " + formatMessage(record)
                    + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")") + System.lineSeparator();
            for (String secret : SECRETS) {
                line = line.replace(secret, "[redacted]");
            }
            return line;
        }
    }
}

package org.opensspr.agent.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.AgentLog;
import org.opensspr.agent.ExitCode;
import org.opensspr.readiness.RegistryPaths;

/**
 * Reads the registry of this Windows device with {@code reg query KEY} (one key at a time, not
 * recursive) and parses what it prints: a line per key ({@code HKEY_LOCAL_MACHINE\...}) and,
 * indented by four spaces, {@code name    REG_TYPE    data} per value. Subkeys of the credential
 * providers key are reported as their {@code (Default)} value so the rules see them. A key that does
 * not exist is skipped.
 */
public final class RegQuery {

    /** The keys the readiness rules read. */
    static final List<String> KEYS = List.of(
            "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
            "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon",
            "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System",
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\AzureADAccount",
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\System",
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Personalization",
            "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\Appx",
            "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client",
            RegistryPaths.CREDENTIAL_PROVIDERS.substring(0, RegistryPaths.CREDENTIAL_PROVIDERS.length() - 1));

    private RegQuery() {}

    /** Runs {@code reg query} for every key of {@link #KEYS}; values keyed by full path. */
    public static Map<String, Object> read() {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String key : KEYS) {
            try {
                Process process = new ProcessBuilder("reg", "query", key)
                        .redirectErrorStream(true)
                        .start();
                String output;
                try (InputStream in = process.getInputStream()) {
                    output = new String(in.readNBytes(RegReader.MAX_FILE_BYTES), Charset.defaultCharset());
                }
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    values.putAll(parse(output));
                } else {
                    AgentLog.LOG.fine(() -> "reg query " + key + ": not present");
                }
            } catch (IOException e) {
                throw new AgentException(
                        ExitCode.USAGE, "cannot run 'reg query' (" + e.getMessage() + "); use --registry FILE.reg");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AgentException(ExitCode.USAGE, "interrupted while reading the registry");
            }
        }
        return values;
    }

    /** Parses the output of one {@code reg query KEY}. */
    public static Map<String, Object> parse(String output) {
        Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String key = null;
        for (String line : output.split("\\R")) {
            if (line.startsWith("HKEY_") || line.startsWith("HKLM\\")) {
                if (key != null
                        && RegReader.shortHive(line)
                                .toLowerCase(java.util.Locale.ROOT)
                                .startsWith(RegistryPaths.CREDENTIAL_PROVIDERS.toLowerCase(java.util.Locale.ROOT))) {
                    values.putIfAbsent(RegReader.shortHive(line) + "\\" + RegFile.DEFAULT_VALUE_NAME, "");
                } else {
                    key = RegReader.shortHive(line);
                }
                continue;
            }
            if (key == null || !line.startsWith("    ")) {
                continue;
            }
            String[] parts = line.substring(4).split(" {4}", 3);
            if (parts.length < 2 || !parts[1].startsWith("REG_")) {
                continue;
            }
            String name = parts[0].equals("(Default)") || parts[0].isEmpty() ? RegFile.DEFAULT_VALUE_NAME : parts[0];
            Object value = value(parts[1], parts.length > 2 ? parts[2] : "");
            if (value != null) {
                values.put(key + "\\" + name, value);
            }
        }
        return values;
    }

    private static Object value(String type, String data) {
        switch (type) {
            case "REG_DWORD", "REG_QWORD" -> {
                String hex = data.strip().toLowerCase(java.util.Locale.ROOT);
                try {
                    return Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case "REG_SZ", "REG_EXPAND_SZ" -> {
                return data;
            }
            case "REG_MULTI_SZ" -> {
                return List.of(data.split("\\\\0"));
            }
            default -> {
                return null;
            }
        }
    }
}

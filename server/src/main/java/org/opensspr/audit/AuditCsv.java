package org.opensspr.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The audit log as CSV (UTF-8, RFC 4180, a header row), written as the database cursor yields the
 * events ({@link AuditLog#export}), never held whole in memory: one format for the admin API's
 * {@code /api/v1/admin/audit.csv} and the console's download. A cell that starts like a formula
 * ({@code = + - @}, tab, carriage return) is defused with a leading apostrophe, so a spreadsheet
 * shows it instead of running it.
 */
public final class AuditCsv {

    public static final String HEADER = "time,activity,result,actor,target,ip,clientType,details\r\n";
    private static final int BUFFER_CHARS = 32 * 1024;

    private AuditCsv() {}

    /** Writes the header and every event {@code filter} matches to {@code out}, newest first, then flushes. */
    public static void write(AuditLog audit, AuditFilter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        writer.write(HEADER);
        audit.export(filter, e -> writer.write(row(e)));
        writer.flush();
    }

    static String row(AuditEvent e) {
        return String.join(
                        ",",
                        cell(e.time().toString()),
                        cell(e.activity()),
                        cell(e.result().name()),
                        cell(e.actor()),
                        cell(e.target()),
                        cell(e.ip()),
                        cell(e.clientType().name()),
                        cell(e.details()))
                + "\r\n";
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so a spreadsheet does not run it as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}

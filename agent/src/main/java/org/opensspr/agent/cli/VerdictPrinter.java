package org.opensspr.agent.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.agent.Json;
import org.opensspr.readiness.DeviceState;
import org.opensspr.readiness.Finding;
import org.opensspr.readiness.Severity;
import org.opensspr.readiness.Verdict;

/** Prints a verdict as a readable list (rule, severity, message, remedy) or as JSON. */
final class VerdictPrinter {

    private VerdictPrinter() {}

    static void text(PrintWriter out, DeviceState device, Verdict verdict) {
        if (device != null) {
            out.printf(
                    "Device: %s%s%s%s, session %s, %s%n",
                    device.os(),
                    device.osBuild() > 0 ? " build " + device.osBuild() : "",
                    device.osVersion() == null ? "" : " (" + device.osVersion() + ")",
                    device.edition() == null ? "" : ", edition " + device.edition(),
                    device.sessionType().id(),
                    device.joined() ? "joined" : "not joined");
        }
        long errors = verdict.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .count();
        long warnings = verdict.findings().size() - errors;
        out.printf(
                Locale.ROOT,
                "Ready for password reset from the sign-in screen: %s (%d error%s, %d warning%s)%n",
                verdict.ready() ? "yes" : "NO",
                errors,
                errors == 1 ? "" : "s",
                warnings,
                warnings == 1 ? "" : "s");
        for (Finding f : verdict.findings()) {
            out.println();
            out.printf("  %-8s %s%n", f.severity().id(), f.rule());
            out.printf("           %s%n", f.message());
            out.printf("           Remedy: %s%n", f.remedy());
        }
        out.flush();
    }

    static void json(PrintWriter out, DeviceState device, Verdict verdict, List<String> warnings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ready", verdict.ready());
        if (device != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("os", device.os());
            d.put("osBuild", device.osBuild());
            d.put("osVersion", device.osVersion());
            d.put("edition", device.edition());
            d.put("sessionType", device.sessionType().id());
            d.put("joined", device.joined());
            doc.put("device", d);
        }
        List<Object> findings = new ArrayList<>();
        for (Finding f : verdict.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rule", f.rule());
            item.put("severity", f.severity().id());
            item.put("message", f.message());
            item.put("remedy", f.remedy());
            findings.add(item);
        }
        doc.put("findings", findings);
        doc.put("warnings", warnings);
        out.println(Json.write(doc));
        out.flush();
    }

    /** The server's answer {@code {ready, findings:[{rule, severity, message, remedy}]}} as a verdict. */
    static Verdict fromServer(Map<String, Object> answer) {
        List<Finding> findings = new ArrayList<>();
        if (answer.get("findings") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> f) {
                    Severity severity =
                            "warning".equals(String.valueOf(f.get("severity")).toLowerCase(Locale.ROOT))
                                    ? Severity.WARNING
                                    : Severity.ERROR;
                    findings.add(new Finding(
                            String.valueOf(f.get("rule")),
                            severity,
                            String.valueOf(f.get("message")),
                            String.valueOf(f.get("remedy"))));
                }
            }
        }
        return new Verdict(findings);
    }
}

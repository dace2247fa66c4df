package org.opensspr.agent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.opensspr.agent.cli.SsprAgent;
import picocli.CommandLine;

/** One in-process run of the agent's command line: exit code, stdout and stderr. */
public record AgentRun(int exitCode, String out, String err) {

    public static AgentRun of(String... args) {
        CommandLine commandLine = SsprAgent.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new AgentRun(code, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        return (Map<String, Object>) Json.parse(out.strip());
    }
}

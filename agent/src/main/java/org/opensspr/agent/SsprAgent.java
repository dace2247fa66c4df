package org.opensspr.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The logon-screen client of OpenSSPR. It runs on a device, before anyone is signed in, and
 * talks to the server with the device's credential. This first version knows only who it is;
 * the commands of DESIGN.md ({@code join}, {@code sync}, {@code check}, {@code logon},
 * {@code install}, {@code uninstall}, {@code logging}) are added by the devices issue.
 */
@Command(name = "sspr-agent", mixinStandardHelpOptions = true,
        subcommands = {LogonCommand.class},
        versionProvider = SsprAgent.Version.class,
        description = "OpenSSPR logon-screen agent: self-service password reset from the sign-in screen.")
public final class SsprAgent implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    static CommandLine commandLine() {
        return new CommandLine(new SsprAgent());
    }

    @Override
    public void run() {
        // No subcommand: show what the agent can do instead of doing nothing silently.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version that Maven filtered into {@code sspr-agent.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = SsprAgent.class.getResourceAsStream("/sspr-agent.properties")) {
                if (in == null) {
                    throw new IllegalStateException("sspr-agent.properties is missing from the jar");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"sspr-agent " + properties.getProperty("version")};
        }
    }
}

package org.opensspr.agent.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opensspr.agent.AgentException;
import org.opensspr.agent.ExitCode;
import org.opensspr.agent.linux.LinuxSignIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code install} and {@code uninstall}: the Linux sign-in integration (see {@link LinuxSignIn}).
 * Both are idempotent; {@code --quiet} prints nothing unless something fails.
 */
final class InstallCommand {

    static final String GROUP = LinuxSignIn.GROUP;

    /** Present while the Debian package {@code sspr-agent} is installed (or removed but not purged). */
    static final String PACKAGE_FILE_LIST = "/var/lib/dpkg/info/sspr-agent.list";

    private InstallCommand() {}

    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        SsprAgent agent;

        @Spec
        CommandSpec spec;

        @Option(names = "--quiet", description = "Print nothing unless something fails (for scripts and packages).")
        boolean quiet;

        @Option(
                names = "--account",
                paramLabel = "NAME",
                defaultValue = "reset",
                description = "The password-reset account users type at the sign-in screen (default: reset).")
        String account;

        @Option(
                names = "--root",
                paramLabel = "DIR",
                hidden = true,
                defaultValue = "/",
                description = "Install under DIR instead of / (tests); accounts and services are only touched under /.")
        Path root;

        @Override
        public Integer call() throws IOException {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                throw new AgentException(
                        ExitCode.USAGE, spec.name() + " is for Linux; on Windows the MSI installs the agent");
            }
            if (!packaged() && root.toAbsolutePath().getParent() == null && Files.exists(Path.of(PACKAGE_FILE_LIST))) {
                // A second copy of the jar and a second unit beside dpkg's would outlive the package.
                throw new AgentException(
                        ExitCode.USAGE,
                        "the sspr-agent package is installed and owns these files: use 'apt install sspr-agent'"
                                + " or 'apt purge sspr-agent' instead");
            }
            LinuxSignIn signIn = new LinuxSignIn(root, account, LinuxSignIn::system);
            apply(signIn);
            if (!quiet) {
                signIn.done().forEach(spec.commandLine().getOut()::println);
                spec.commandLine().getOut().println(signIn.done().isEmpty() ? "Nothing to do." : "Done.");
                spec.commandLine().getOut().flush();
            }
            return 0;
        }

        abstract void apply(LinuxSignIn signIn) throws IOException;

        boolean packaged() {
            return false;
        }
    }

    @Command(
            name = "install",
            description = {
                "Linux: create the password-reset account (default 'reset') whose only program is 'sspr-agent logon',",
                "the root-owned broker service that gives it logon sessions, and an sshd rule that denies it. Run as root."
            })
    static final class Install extends Base {
        @Option(
                names = "--packaged",
                hidden = true,
                description =
                        "For the sspr-agent package's maintainer scripts: dpkg owns the files and the unit, so only"
                                + " the account and the group are created.")
        boolean packaged;

        @Option(
                names = "--java",
                paramLabel = "PATH",
                hidden = true,
                description =
                        "The java the reset shell and the unit run (default: this one); the package build says /usr/bin/java.")
        Path java;

        @Override
        boolean packaged() {
            return packaged;
        }

        @Override
        void apply(LinuxSignIn signIn) throws IOException {
            if (packaged) {
                signIn.installAccount(false);
                return;
            }
            signIn.install(
                    runningJar(),
                    java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java"),
                    agent.state().dir());
        }

        private static Path runningJar() {
            try {
                Path location = Path.of(SsprAgent.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                return location.toString().endsWith(".jar") ? location : null;
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
    }

    @Command(name = "uninstall", description = "Linux: remove everything 'install' created. Run as root.")
    static final class Uninstall extends Base {
        @Override
        void apply(LinuxSignIn signIn) throws IOException {
            signIn.uninstall();
        }
    }
}

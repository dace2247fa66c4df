package org.opensspr.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensspr.agent.device.DeviceCredential;
import org.opensspr.agent.device.StateDir;
import org.opensspr.agent.registry.RegFile;
import org.opensspr.agent.registry.RegReader;
import org.opensspr.agent.registry.RegReaderTests;
import org.opensspr.readiness.ReadinessRules;

/**
 * docs/windows.md shows {@code .reg} exports and what {@code check} prints for them; these tests
 * hold the document to it. Each {@code ```reg NAME} block is written as {@code reg export} writes a
 * file (UTF-16LE with a byte-order mark, CRLF), the PowerShell merge the document gives is carried
 * out as PowerShell does it, and each {@code ```console} block's command runs on a joined device:
 * its standard output and exit code must be exactly the ones shown.
 */
class WindowsGuideTests {

    private static final Path GUIDE = Path.of("..", "docs", "windows.md");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)(?:[ \\t]+(\\S+))?[ \\t]*$");
    private static final Pattern MERGE = Pattern.compile("^\\(Get-Content (\\S+)\\) \\+ \\(Get-Content (\\S+)"
            + " \\| Select-Object -Skip 1\\) \\| Set-Content -Encoding Unicode (\\S+)$");
    private static final String COMMAND = "> java -jar sspr-agent.jar ";
    private static final String EXIT_CODE = "> echo %ERRORLEVEL%";

    @TempDir
    Path dir;

    /** A fenced block of the guide: its language, the name after it (or null), its lines, where it starts. */
    record Block(String language, String name, List<String> lines, int line) {

        String text() {
            return String.join("\r\n", lines) + "\r\n";
        }
    }

    /** A command shown in a console block, with the output and exit code the guide says it has. */
    record Example(List<String> args, List<String> out, int exitCode, int line) {
        @Override
        public String toString() {
            return String.join(" ", args) + " (docs/windows.md:" + line + ")";
        }
    }

    static List<Block> blocks() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(1).isEmpty()) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (!lines.get(end).equals("```")) {
                end++;
            }
            blocks.add(new Block(open.group(1), open.group(2), List.copyOf(lines.subList(start, end)), start));
            i = end;
        }
        return blocks;
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Block block : blocks()) {
            if (!block.language().equals("console")) {
                continue;
            }
            List<String> lines = block.lines();
            int i = 0;
            while (i < lines.size()) {
                String command = lines.get(i);
                assertThat(command).as("docs/windows.md:%d", block.line() + i).startsWith(COMMAND);
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("> ")) {
                    end++;
                }
                assertThat(lines.get(end))
                        .as("docs/windows.md:%d", block.line() + end)
                        .isEqualTo(EXIT_CODE);
                examples.add(new Example(
                        List.of(command.substring(COMMAND.length()).strip().split("\\s+")),
                        List.copyOf(lines.subList(i + 1, end)),
                        Integer.parseInt(lines.get(end + 1).strip()),
                        block.line() + i));
                i = end + 2;
            }
        }
        return examples;
    }

    @Test
    void everyRegExampleIsAnExportTheReaderReadsWithoutAWarning() throws IOException {
        List<Block> exports =
                blocks().stream().filter(b -> b.language().equals("reg")).toList();

        assertThat(exports).hasSizeGreaterThanOrEqualTo(7);
        for (Block export : exports) {
            RegFile file = new RegReader().parse(RegReaderTests.utf16le(export.text()));
            assertThat(export.name())
                    .as("docs/windows.md:%d names its file", export.line())
                    .endsWith(".reg");
            assertThat(file.header()).as(export.name()).isTrue();
            assertThat(file.warnings()).as(export.name()).isEmpty();
            assertThat(file.values()).as(export.name()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void checkPrintsWhatTheGuideShows(Example example) throws IOException {
        Map<String, Path> files = writeExports();
        List<String> args = new ArrayList<>(List.of("--state-dir", joinedState().toString()));
        for (String arg : example.args()) {
            if (arg.endsWith(".reg")) {
                assertThat(files)
                        .as("%s is a reg block or a merge in the guide", arg)
                        .containsKey(arg);
                args.add(files.get(arg).toString());
            } else {
                args.add(arg);
            }
        }

        AgentRun run = AgentRun.of(args.toArray(String[]::new));

        assertThat(lines(run.out())).isEqualTo(example.out());
        assertThat(run.exitCode()).isEqualTo(example.exitCode());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theGuideChecksAReadyDeviceAPolicyOnlyExportAndItsMergeWithTheVersionKey() throws IOException {
        List<String> checked =
                examples().stream().map(e -> e.args().get(e.args().size() - 1)).toList();

        assertThat(checked).contains("ready.reg", "policies.reg", "both.reg", "lock.reg", "win81.reg");
    }

    /** The bug of issue 15: an export without the version was told to "Update Windows". */
    @Test
    void checkWhenTheExportHasNoWindowsVersionThenSaysSoAndHowToIncludeItNotToUpdateWindows() throws IOException {
        Map<String, Path> files = writeExports();

        AgentRun policiesOnly = AgentRun.of(
                "--state-dir",
                joinedState().toString(),
                "check",
                "--json",
                "--registry",
                files.get("policies.reg").toString());
        AgentRun merged = AgentRun.of(
                "--state-dir",
                joinedState().toString(),
                "check",
                "--json",
                "--registry",
                files.get("both.reg").toString());

        Map<String, Object> finding = findings(policiesOnly).get(0);
        assertThat(finding.get("rule")).isEqualTo(ReadinessRules.OS_VERSION);
        assertThat((String) finding.get("message")).startsWith("The Windows version is unknown");
        assertThat((String) finding.get("remedy"))
                .contains("reg export \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" cv.reg")
                .doesNotContain("Update Windows");
        assertThat(policiesOnly.exitCode()).isEqualTo(1);
        assertThat(findings(merged)).isEmpty();
        assertThat(merged.exitCode()).isZero();
    }

    /** The guide's other way to join two exports: byte for byte, so the second header is read as a broken line. */
    @Test
    void checkOfTwoExportsJoinedWithCopyBGivesTheSameVerdictWithOneWarning() throws IOException {
        Map<String, Path> files = writeExports();
        Path copied = dir.resolve("copied.reg");
        Files.write(copied, Files.readAllBytes(files.get("policies.reg")));
        Files.write(copied, Files.readAllBytes(files.get("cv.reg")), StandardOpenOption.APPEND);

        AgentRun run = AgentRun.of("--state-dir", joinedState().toString(), "check", "--registry", copied.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Ready for password reset from the sign-in screen: yes");
        assertThat(run.err().lines().toList())
                .singleElement()
                .asString()
                .endsWith("neither a key, a value nor a comment");
    }

    /** The guide's reg blocks as files, then its PowerShell merges, carried out as PowerShell 5.1 does. */
    private Map<String, Path> writeExports() throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        List<Block> blocks = blocks();
        for (Block block : blocks) {
            if (block.language().equals("reg")) {
                files.put(block.name(), Files.write(dir.resolve(block.name()), RegReaderTests.utf16le(block.text())));
            }
        }
        for (Block block : blocks) {
            if (!block.language().equals("powershell")) {
                continue;
            }
            for (String line : block.lines()) {
                Matcher merge = MERGE.matcher(line.strip());
                if (merge.matches()) {
                    // Get-Content drops the byte-order mark and the line ends; Set-Content -Encoding Unicode
                    // writes UTF-16LE with a byte-order mark and CRLF after every line.
                    List<String> joined = new ArrayList<>(readLines(files.get(merge.group(1))));
                    List<String> second = readLines(files.get(merge.group(2)));
                    joined.addAll(second.subList(1, second.size()));
                    String text = String.join("\r\n", joined) + "\r\n";
                    files.put(merge.group(3), Files.write(dir.resolve(merge.group(3)), RegReaderTests.utf16le(text)));
                }
            }
        }
        return files;
    }

    private static List<String> readLines(Path utf16leWithBom) throws IOException {
        byte[] bytes = Files.readAllBytes(utf16leWithBom);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        return text.lines().toList();
    }

    private static List<String> lines(String out) {
        List<String> lines =
                new ArrayList<>(out.lines().map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private Path joinedState() {
        StateDir state = new StateDir(dir.resolve("state"));
        if (state.credential().isEmpty()) {
            state.saveCredential(
                    new DeviceCredential(URI.create("https://sspr.example.org"), "dev_test", "secret-not-used"));
        }
        return state.dir();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(AgentRun run) {
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
        return (List<Map<String, Object>>) run.json().get("findings");
    }
}

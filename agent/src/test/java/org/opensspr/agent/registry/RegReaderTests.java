package org.opensspr.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RegReaderTests {

    private static final String HEADER = "Windows Registry Editor Version 5.00\r\n\r\n";

    private final RegReader reader = new RegReader();

    private RegFile utf8(String text) {
        return reader.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code regedit} writes: a UTF-16LE byte-order mark, then UTF-16LE text. */
    public static byte[] utf16le(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        return bytes;
    }

    @Test
    void parseWhenEveryValueKindThenTypedValues() {
        RegFile file = utf8(HEADER + """
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]
                @="default"
                "Text"="C:\\\\Program Files\\\\\\"quoted\\""
                "Dword"=dword:0000002a
                "Big"=dword:ffffffff
                "Qword"=qword:100000000
                "Binary"=hex:01,ff,10
                "Expand"=hex(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00
                "Multi"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00
                "DwordLe"=hex(4):01,00,00,00
                "DwordBe"=hex(5):00,00,00,02
                "QwordLe"=hex(b):03,00,00,00,00,00,00,00
                "None"=hex(0):
                """);

        assertThat(file.warnings()).isEmpty();
        assertThat(file.header()).isTrue();
        String key = "HKLM\\SOFTWARE\\Test\\";
        assertThat(file.value(key + "(Default)")).isEqualTo("default");
        assertThat(file.value(key + "Text")).isEqualTo("C:\\Program Files\\\"quoted\"");
        assertThat(file.value(key + "Dword")).isEqualTo(42L);
        assertThat(file.value(key + "Big")).isEqualTo(4294967295L);
        assertThat(file.value(key + "Qword")).isEqualTo(4294967296L);
        assertThat((byte[]) file.value(key + "Binary")).containsExactly(0x01, 0xff, 0x10);
        assertThat(file.value(key + "Expand")).isEqualTo("%PATH%");
        assertThat(file.value(key + "Multi")).isEqualTo(List.of("a", "bc"));
        assertThat(file.value(key + "DwordLe")).isEqualTo(1L);
        assertThat(file.value(key + "DwordBe")).isEqualTo(2L);
        assertThat(file.value(key + "QwordLe")).isEqualTo(3L);
        assertThat((byte[]) file.value(key + "None")).isEmpty();
    }

    @Test
    void parseWhenUtf16LeWithByteOrderMarkThenSameAsUtf8() {
        String text = HEADER + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]\r\n\"Name\"=\"Grüße\"\r\n\"N\"=dword:00000001\r\n";

        RegFile wide = reader.parse(utf16le(text));

        assertThat(wide.warnings()).isEmpty();
        assertThat(wide.values()).isEqualTo(utf8(text).values());
        assertThat(wide.value("HKLM\\SOFTWARE\\Test\\Name")).isEqualTo("Grüße");
    }

    @Test
    void parseWhenUtf8ByteOrderMarkOrUtf16WithoutOneThenRead() {
        String text = HEADER + "[HKLM\\SOFTWARE\\Test]\n\"N\"=dword:1\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(reader.parse(withBom).value("HKLM\\SOFTWARE\\Test\\N")).isEqualTo(1L);
        assertThat(reader.parse(text.getBytes(StandardCharsets.UTF_16LE)).value("HKLM\\SOFTWARE\\Test\\N"))
                .isEqualTo(1L);
    }

    @Test
    void parseWhenHexContinuesOverLinesThenJoined() {
        RegFile file = utf8(HEADER + """
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]
                "Multi"=hex(7):61,00,62,00,00,00,\\
                  63,00,00,00,\\
                  00,00
                "After"=dword:00000005
                """);

        assertThat(file.warnings()).isEmpty();
        assertThat(file.value("HKLM\\SOFTWARE\\Test\\Multi")).isEqualTo(List.of("ab", "c"));
        assertThat(file.value("HKLM\\SOFTWARE\\Test\\After")).isEqualTo(5L);
    }

    @Test
    void parseWhenKeyDeletedThenKeyAndSubkeysGoneButSiblingsStay() {
        RegFile file = utf8(HEADER + """
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\A]
                "V"=dword:1
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\A\\Sub]
                "V"=dword:2
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\AB]
                "V"=dword:3
                [-HKEY_LOCAL_MACHINE\\software\\a]
                "Ignored"=dword:4
                """);

        assertThat(file.values()).containsOnlyKeys("HKLM\\SOFTWARE\\AB\\V");
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void parseWhenValueDeletedThenGoneAndLaterValueWins() {
        RegFile file = utf8(HEADER + """
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\A]
                "Gone"=dword:1
                "Kept"=dword:1
                "Gone"=-
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\A]
                "Kept"=dword:2
                """);

        assertThat(file.values()).containsOnlyKeys("HKLM\\SOFTWARE\\A\\Kept");
        assertThat(file.value("hkey_local_machine\\software\\a\\kept")).isEqualTo(2L);
    }

    @Test
    void parseWhenCommentsAndRegedit4ThenRead() {
        RegFile file = utf8(
                "REGEDIT4\n; a comment\n[HKEY_CURRENT_USER\\Software\\X]\n  ; indented comment\n\"S\"=hex(2):41,42,00\n");

        assertThat(file.header()).isTrue();
        assertThat(file.warnings()).isEmpty();
        assertThat(file.value("HKCU\\Software\\X\\S")).isEqualTo("AB");
    }

    @Test
    void parseWhenLinesAreMalformedThenWarnsWithLineNumbersAndGoesOn() {
        RegFile file = utf8(HEADER + """
                "Orphan"=dword:1
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\A]
                "NoEquals" dword:1
                "BadDword"=dword:xyz
                "TooLong"=dword:123456789
                "BadHex"=hex:1,2g
                "Unclosed"="text
                "Unknown"=sz:text
                garbage
                [HKEY_NOWHERE\\X]
                [HKEY_LOCAL_MACHINE\\SOFTWARE\\A
                "Good"=dword:7
                """);

        assertThat(file.warnings()).hasSize(10).allMatch(w -> w.startsWith("line "));
        assertThat(file.warnings().get(0)).startsWith("line 3:");
        assertThat(file.warnings().get(1)).startsWith("line 5:");
        assertThat(file.values()).isEmpty();
    }

    @Test
    void parseWhenNoHeaderThenWarnsAndStillReads() {
        RegFile file = utf8("[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\n\"V\"=dword:1\n");

        assertThat(file.header()).isFalse();
        assertThat(file.warnings()).singleElement().asString().contains("line 1");
        assertThat(file.value("HKLM\\SOFTWARE\\A\\V")).isEqualTo(1L);
    }

    @Test
    void parseWhenManyWarningsThenCountsTheRest() {
        RegFile file = utf8(HEADER + "junk\n".repeat(500));

        assertThat(file.warnings())
                .hasSize(RegReader.MAX_WARNINGS + 1)
                .last()
                .asString()
                .contains("400 more");
    }

    @Test
    void parseWhenLogicalLineIsTooLongThenSkipped() {
        String huge = "\"Big\"=hex:" + "00,\\\n".repeat(RegReader.MAX_LINE_CHARS / 2) + "00\n";
        RegFile file = utf8(HEADER + "[HKLM\\SOFTWARE\\A]\n" + huge + "\"Small\"=dword:1\n");

        assertThat(file.values()).containsOnlyKeys("HKLM\\SOFTWARE\\A\\Small");
        assertThat(file.warnings()).singleElement().asString().contains("longer than");
    }

    @Test
    void readWhenFileIsTooLargeThenRefusedWithoutThrowing(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.reg");
        Files.write(big, new byte[RegReader.MAX_FILE_BYTES + 1]);

        RegFile file = reader.read(big);

        assertThat(file.values()).isEmpty();
        assertThat(file.warnings()).singleElement().asString().contains("larger than");
    }
}

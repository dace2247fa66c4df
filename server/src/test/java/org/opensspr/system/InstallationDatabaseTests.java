package org.opensspr.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class InstallationDatabaseTests {

    @TempDir
    Path dataDir;

    @TempDir
    Path otherDataDir;

    private static Flyway flyway(String name) {
        return Flyway.configure()
                .dataSource(new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""))
                .locations("classpath:db/migration")
                .load();
    }

    private static void start(Path dataDir, Flyway flyway) {
        new InstallationDatabase(InstallationRecord.of(new DataDirectory(dataDir)), Clock.systemUTC()).migrate(flyway);
    }

    @Test
    void theFirstStartGivesTheDatabaseAnIdThatTheDataDirRecordsAndLaterStartsAccept() {
        Flyway database = flyway("first" + System.nanoTime());
        start(dataDir, database);
        String id = InstallationRecord.of(new DataDirectory(dataDir))
                .get(InstallationRecord.DATABASE)
                .orElseThrow();

        start(dataDir, database);
        start(otherDataDir, database); // a second node on the same database records the same id
        assertThat(InstallationRecord.of(new DataDirectory(otherDataDir)).get(InstallationRecord.DATABASE))
                .contains(id);
    }

    @Test
    void anEmptyOrSwappedDatabaseIsRefusedOnceTheDataDirHadOne() {
        start(dataDir, flyway("ours" + System.nanoTime()));
        Flyway empty = flyway("empty" + System.nanoTime());
        assertThatThrownBy(() -> start(dataDir, empty))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("is empty (it has no schema)")
                .hasMessageContaining("delete " + dataDir.resolve(InstallationRecord.FILE));
        assertThat(empty.info().applied())
                .as("refused before Flyway made a schema")
                .isEmpty();

        Flyway another = flyway("another" + System.nanoTime());
        start(otherDataDir, another);
        assertThatThrownBy(() -> start(dataDir, another))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("not this installation's database");
    }
}

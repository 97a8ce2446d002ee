package org.lcjp.reoffending.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/reoffending as systemd and cron run it: the CLI's exit status comes through unchanged (3 for rejected input,
 * which make would have turned into 2), the console ends with one "What to do" line and holds no stack trace, and
 * an unusable OUTPUT is exit 2 before any JVM starts. No Spark session is started by these cases.
 */
class LauncherTest {
    @TempDir
    Path dir;

    record Result(int code, String err) {}

    private Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("bash", Path.of("..", "bin", "reoffending").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("REOFFENDING_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }

    private Path key() throws IOException {
        Path key = Files.writeString(dir.resolve("test.key"), "a-launcher-test-key-of-more-than-32-bytes");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return key;
    }

    @Test
    void rejectedInputIsExitThreeWithWhatToDoAndNoStackTrace() throws Exception {
        Path input = Files.createDirectories(dir.resolve("extracts/police/outcomes"));
        Files.writeString(
                input.resolve("outcomes_20991231.csv"), "record_id\n"); // after the as-of date: nothing to read
        Result r = launch(
                "run",
                "--input",
                dir.resolve("extracts").toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf",
                "--key-file",
                key().toString(),
                "--as-of",
                "2020-01-07");
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        List<String> lines = r.err().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("What to do: check INPUT");
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        // Owner-only whatever the umask: the run's scratch, logs and lock folder.
        for (String made : List.of("out", "out/tmp", "out/logs")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(made))))
                    .as(made)
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void anOutputUnderAFileIsExitTwoBeforeTheJvm() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = launch(
                "run",
                "--input",
                dir.toString(),
                "--output",
                file.resolve("out").toString(),
                "--conf",
                "../conf");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("What to do: give an OUTPUT folder");
    }

    @Test
    void aMissingInputRootIsExitTwo() throws Exception {
        Result r = launch(
                "run",
                "--input",
                dir.resolve("nowhere").toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf",
                "--key-file",
                key().toString(),
                "--as-of",
                "2020-01-07");
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("input root").doesNotContain("\tat ");
        assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("What to do: check INPUT");
    }

    @Test
    void anAsOfAfterTodayIsExitTwoUnlessAllowed() throws Exception {
        Result r = launch(
                "run",
                "--input",
                dir.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf",
                "--key-file",
                key().toString(),
                "--as-of",
                java.time.LocalDate.now(java.time.ZoneId.systemDefault())
                        .plusDays(2)
                        .toString());
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("after today", "--allow-future-as-of");
        Result malformed = launch("run", "--as-of", "2020-13-01");
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("What to do:");
    }
}

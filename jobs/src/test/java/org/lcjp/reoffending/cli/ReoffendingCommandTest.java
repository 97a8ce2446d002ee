package org.lcjp.reoffending.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's contract: help everywhere, exit statuses of outputs.md, one line saying what to do. */
class ReoffendingCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cl = ReoffendingCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsEveryStageAndTheExitStatuses() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "run",
                        "ingest",
                        "link",
                        "measure",
                        "compare",
                        "report",
                        "publish",
                        "sensitivity",
                        "train-linkage",
                        "Exit status",
                        "3   Input rejected");
    }

    /** The product's command line (the spark-submit jar's) holds no tool: those are the dev CLI's (tools module). */
    @Test
    void theProductCommandLineHasNoToolCommands() {
        assertThat(ReoffendingCommand.commandLine().getSubcommands().keySet())
                .contains("run", "publish", "train-linkage")
                .doesNotContain("generate", "linkage-eval", "bench", "diff-published");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {
            "run",
            "ingest",
            "link",
            "measure",
            "compare",
            "research",
            "report",
            "publish",
            "sensitivity",
            "train-linkage"
        }) {
            assertThat(execute(sub, "--help")).as(sub).isZero();
        }
        assertThat(out.toString()).contains("--key-file", "--as-of");
    }

    @Test
    void unknownOptionIsExitTwo() {
        assertThat(execute("run", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void noSubcommandIsExitTwo() {
        assertThat(execute()).isEqualTo(2);
    }

    @Test
    void realInputWithoutKeyIsExitTwoAndSaysHowToMakeOne() throws IOException {
        Path input = Files.createDirectories(dir.resolve("extracts"));
        int code = execute(
                "run",
                "--input",
                input.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("key file is required", "/dev/urandom", "What to do:");
        assertThat(dir.resolve("out/published")).doesNotExist();
    }

    @Test
    void shortKeyIsExitTwo() throws IOException {
        Path key = Files.writeString(dir.resolve("short.key"), "too-short");
        java.nio.file.Files.setPosixFilePermissions(
                key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        int code = execute(
                "run",
                "--input",
                dir.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf",
                "--key-file",
                key.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("at least 32 are needed").doesNotContain("too-short");
    }

    /** Whoever reads the key can reverse every token: a key others can read is refused before anything runs. */
    @Test
    void aKeyOthersCanReadIsExitTwo() throws IOException {
        Path key = Files.writeString(dir.resolve("open.key"), "a-test-key-of-more-than-thirty-two-bytes");
        java.nio.file.Files.setPosixFilePermissions(
                key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        int code = execute(
                "run",
                "--input",
                dir.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf",
                "--key-file",
                key.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("can be read by every user", "chmod 600", "allow_readable_key", "What to do:");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void badSettingsAreExitTwo() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("pipeline.yaml"), "cohort:\n  periodd: YEAR\n");
        Files.copy(Path.of("../conf/labels.yaml"), conf.resolve("labels.yaml"));
        Files.copy(Path.of("../conf/targets.yaml"), conf.resolve("targets.yaml"));
        int code = execute(
                "run", "--input", dir.toString(), "--output", dir.resolve("out").toString(), "--conf", conf.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("cohort.periodd (line 2): unknown key", "What to do: correct each key listed");
    }

    /** A run with mistakes in pipeline.yaml and in targets.yaml lists both before anything runs. */
    @Test
    void badSettingsAndBadTargetsAreListedTogether() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("pipeline.yaml"), "cohort:\n  periodd: YEAR\ndisclosure:\n  threshold: 0\n");
        Files.copy(Path.of("../conf/labels.yaml"), conf.resolve("labels.yaml"));
        Files.writeString(conf.resolve("targets.yaml"), "measures:\n  - id: Bad Id\n");
        int code = execute(
                "run", "--input", dir.toString(), "--output", dir.resolve("out").toString(), "--conf", conf.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "2 problems:",
                        "cohort.periodd (line 2): unknown key",
                        "disclosure.threshold (line 4): must be at least 1 (0)",
                        "Cannot use targets",
                        "snake_case",
                        "What to do: correct conf/pipeline.yaml and conf/targets.yaml");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anInputRootWithNoReadableDeliveryIsExitThreeAndPublishesNothing() throws IOException {
        Path input = Files.createDirectories(dir.resolve("extracts/police/outcomes"));
        Files.writeString(input.resolve("outcomes_20991231.csv"), "record_id\n"); // after the as-of date: not read
        Path key = Files.writeString(dir.resolve("test.key"), "a-test-key-of-more-than-thirty-two-bytes");
        java.nio.file.Files.setPosixFilePermissions(
                key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        int code = execute(
                "run",
                "--input",
                dir.resolve("extracts").toString(),
                "--output",
                dir.resolve("out").toString(),
                "--conf",
                "../conf",
                "--key-file",
                key.toString(),
                "--as-of",
                "2020-01-07");
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("no readable delivery", "What to do: check INPUT");
        assertThat(dir.resolve("out/published")).doesNotExist();
    }
}

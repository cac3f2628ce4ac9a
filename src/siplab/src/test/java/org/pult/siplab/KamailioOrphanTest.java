package org.pult.siplab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL runs no shutdown hook; its Kamailio must still go away. */
class KamailioOrphanTest {

    @Test
    void kamailioDiesWhenItsJvmIsKilled() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + LabLogs.PROPERTY + "=" + LabLogs.directory(), KamailioInChildJvm.class.getName())
                .redirectErrorStream(true).start();
        try {
            String[] started = readStart(jvm);
            long pid = Long.parseLong(started[0]);
            Path config = Path.of(started[1]);
            assertThat(config).isRegularFile();
            ProcessHandle kamailio = ProcessHandle.of(pid).orElseThrow();
            List<ProcessHandle> workers = kamailio.descendants().toList();
            assertThat(kamailio.isAlive()).isTrue();

            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            kamailio.onExit().get(15, TimeUnit.SECONDS);
            Thread.sleep(1000);
            assertThat(workers).noneMatch(ProcessHandle::isAlive);
            assertThat(config).as("the temp folder with the passwords").doesNotExist();
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** PID and config path as the child printed them. */
    private static String[] readStart(Process jvm) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.startsWith("kamailio-pid=")) {
                return line.substring("kamailio-pid=".length()).split(" config=");
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the child JVM did not report a Kamailio PID:\n" + seen);
    }
}

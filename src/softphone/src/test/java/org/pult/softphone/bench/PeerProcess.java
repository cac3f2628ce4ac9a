package org.pult.softphone.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The far ends of the app's calls, in a second JVM so that they count neither in the app's
 * resident memory nor in its CPU time: {@code count} engines that answer every call at once. The
 * child prints {@code PORTS p1 p2 ...} (their SIP UDP ports) when ready and stops when its stdin
 * reaches end-of-file (also when the parent dies).
 */
final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final List<Integer> ports;

    private PeerProcess(Process process, List<Integer> ports) {
        this.process = process;
        this.ports = ports;
    }

    /** Starts a child JVM with the same JVM options and class path as this one. */
    static PeerProcess start(int count, List<String> codecs, Path folder, Path playFile) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PeerProcess.class.getName());
        command.add(Integer.toString(count));
        command.add(String.join(",", codecs));
        command.add(folder.toString());
        command.add(playFile.toString());
        try {
            Files.createDirectories(folder);
            Process process = new ProcessBuilder(command).redirectError(
                    ProcessBuilder.Redirect.appendTo(folder.resolve("peer-stderr.log").toFile())).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("PORTS ")) {
                    List<Integer> ports = Arrays.stream(line.substring(6).trim().split(" ")).map(Integer::valueOf).toList();
                    return new PeerProcess(process, ports);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the peer JVM ended without starting its engines; see "
                    + folder.resolve("peer-stderr.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Integer> ports() {
        return ports;
    }

    long pid() {
        return process.pid();
    }

    /** User + system CPU time of the child so far, from /proc/PID/stat. */
    long cpuNanos() {
        return ProcStats.cpuNanos(process.pid());
    }

    long rssKb() {
        return ProcStats.rssKb(process.pid());
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The child: args count, codecs (comma-separated), folder, play file. */
    public static void main(String[] args) throws IOException {
        SoftphoneBenchmark.quietLogging();
        int count = Integer.parseInt(args[0]);
        List<String> codecs = List.of(args[1].split(","));
        Path folder = Path.of(args[2]);
        Path play = Path.of(args[3]);
        List<BenchPhone> phones = new ArrayList<>();
        try {
            StringBuilder ports = new StringBuilder("PORTS");
            for (int i = 0; i < count; i++) {
                BenchPhone phone = BenchPhone.start("peer" + i, folder.resolve("peer" + i), play, codecs, true);
                phones.add(phone);
                ports.append(' ').append(phone.sipPort());
            }
            System.out.println(ports);
            System.out.flush();
            // Wait for end-of-file: the parent closed our stdin, or died.
            while (System.in.read() >= 0) {
                // ignore anything written
            }
        } finally {
            for (BenchPhone phone : phones) {
                try {
                    phone.close();
                } catch (RuntimeException e) {
                    System.err.println("closing " + phone + ": " + e);
                }
            }
        }
        // Engine threads are native; leave promptly.
        System.exit(0);
    }
}

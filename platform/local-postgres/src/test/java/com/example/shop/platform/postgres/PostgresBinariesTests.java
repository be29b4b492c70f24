package com.example.shop.platform.postgres;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresBinariesTests {

    @TempDir
    Path cache;

    @Test
    void extractsTheBinariesOnceAndReusesThem() throws IOException {
        List<String> steps = new ArrayList<>();

        Path first = PostgresBinaries.forThisPlatform().extractedInto(cache, steps::add);
        Path second = PostgresBinaries.forThisPlatform().extractedInto(cache, steps::add);

        assertThat(second).isEqualTo(first);
        assertThat(first.resolve("bin/postgres")).isExecutable();
        assertThat(first.resolve("bin/initdb")).isExecutable();
        assertThat(symbolicLinksIn(first)).isNotEmpty().allSatisfy(link -> assertThat(link).exists());
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).startsWith("extracting the PostgreSQL binaries into " + first);
        assertThat(steps.get(1)).startsWith("extracted the PostgreSQL binaries in ");
    }

    @Test
    void anExtractionThatDiedHalfWayIsRemovedAndDoneAgain() throws IOException {
        AtomicInteger opened = new AtomicInteger();
        // The archive is read twice per extraction (digest, then files); the second read dies half-way.
        Supplier<InputStream> archive = PostgresBinaries.archiveForThisPlatform();
        PostgresBinaries dying = new PostgresBinaries(() -> opened.incrementAndGet() == 2
                ? new DiesAfter(archive.get(), 7 << 20) : archive.get());

        assertThatThrownBy(() -> dying.extractedInto(cache, step -> { })).isInstanceOf(IOException.class);
        assertThat(listing()).singleElement().asString().endsWith(".partial");
        assertThat(filesIn(cache.resolve(listing().getFirst()))).isPositive();

        List<String> steps = new ArrayList<>();
        Path binaries = new PostgresBinaries(archive).extractedInto(cache, steps::add);

        assertThat(binaries.resolve("bin/postgres")).isExecutable();
        assertThat(listing()).containsExactly(binaries.getFileName().toString());
        assertThat(steps.getFirst()).startsWith("removing an incomplete extraction left by an interrupted start");
    }

    @Test
    void concurrentStartsExtractOnce() throws Exception {
        AtomicInteger extractions = new AtomicInteger();
        Progress counting = step -> {
            if (step.startsWith("extracting")) {
                extractions.incrementAndGet();
            }
        };
        List<Thread> starts = new ArrayList<>();
        List<Path> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            starts.add(Thread.ofPlatform().start(() -> {
                try {
                    results.add(PostgresBinaries.forThisPlatform().extractedInto(cache, counting));
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }));
        }
        for (Thread start : starts) {
            start.join();
        }

        assertThat(results).hasSize(3).containsOnly(results.getFirst());
        assertThat(extractions).hasValue(1);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> !name.equals(".lock")).toList();
        }
    }

    private static long filesIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).count();
        }
    }

    private static List<Path> symbolicLinksIn(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isSymbolicLink).toList();
        }
    }

    /** A stream that fails after {@code limit} bytes, as a read does when its process is killed. */
    private static final class DiesAfter extends FilterInputStream {

        private long left;

        DiesAfter(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            check(1);
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check(len);
            return super.read(b, off, len);
        }

        private void check(int wanted) throws IOException {
            left -= wanted;
            if (left < 0) {
                throw new IOException("killed");
            }
        }
    }
}

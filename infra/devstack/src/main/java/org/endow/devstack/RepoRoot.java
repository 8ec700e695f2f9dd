package org.endow.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the root of the Endow repository, the directory holding {@code mvnw} and {@code infra/kafka-broker}. */
public final class RepoRoot {

    /** System property naming the repository root explicitly. */
    public static final String PROPERTY = "endow.root";
    /** Environment variable naming the repository root explicitly. */
    public static final String ENV = "ENDOW_ROOT";

    private RepoRoot() {}

    /**
     * The repository root: system property {@value #PROPERTY}, else environment variable {@value #ENV}, else the
     * nearest directory at or above the working directory that holds {@code mvnw} and {@code infra/kafka-broker}.
     *
     * @throws IllegalStateException when none is found or an explicit setting does not point at the repository
     */
    public static Path find() {
        String explicit = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (isBlank(explicit)) {
            explicit = System.getenv(ENV);
            source = "environment variable " + ENV;
        }
        if (!isBlank(explicit)) {
            Path root = Path.of(explicit).toAbsolutePath().normalize();
            if (!isRepoRoot(root)) {
                throw new IllegalStateException(source + " is " + root
                        + ", which is not the Endow repository root (no mvnw and infra/kafka-broker there)");
            }
            return root;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Endow repository root above " + start
                + " (a directory with mvnw and infra/kafka-broker): run from inside the repository or set "
                + ENV + " / -D" + PROPERTY);
    }

    private static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra/kafka-broker"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

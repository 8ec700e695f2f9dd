package org.endow.devstack;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One application of the stack.
 *
 * @param name the application's name; its database and role are the name with dashes turned into underscores
 * @param moduleDir the Maven module, relative to the repository root
 * @param artifactId the module's artifactId (its jar is {@code target/<artifactId>-0.1.0-SNAPSHOT.jar})
 * @param port the HTTP port
 */
public record AppSpec(String name, String moduleDir, String artifactId, int port) {

    public static final String GATEWAY = "gateway";

    public boolean isGateway() {
        return GATEWAY.equals(name);
    }

    /** Database and role name: {@code sponsor-tiers} → {@code sponsor_tiers}. */
    public String database() {
        return name.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Environment variable suffix: {@code sponsor-tiers} → {@code SPONSOR_TIERS}. */
    public String envName() {
        return name.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public Path jar(Path repoRoot) {
        return ServiceProcess.jarOf(repoRoot, moduleDir, artifactId);
    }
}

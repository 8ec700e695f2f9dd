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

    /**
     * The gateway serves {@code /api/<route>/**} from this service: one word ({@code sponsor-tiers} → {@code
     * sponsors}), so that its environment variable {@code ENDOW_GATEWAY_ROUTES_<ROUTE>_URL} maps to one property.
     */
    public String route() {
        return switch (name) {
            case "sponsor-tiers" -> "sponsors";
            case "grant-proposals" -> "grants";
            case "fellow-nominations" -> "fellows";
            default -> name;
        };
    }

    /** Environment variable suffix of the route: {@code sponsor-tiers} → {@code SPONSORS}. */
    public String envName() {
        return route().toUpperCase(Locale.ROOT);
    }

    public Path jar(Path repoRoot) {
        return ServiceProcess.jarOf(repoRoot, moduleDir, artifactId);
    }
}

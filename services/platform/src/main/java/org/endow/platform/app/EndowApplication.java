package org.endow.platform.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.net.ConnectException;
import java.sql.SQLException;

/**
 * Starts a service. When PostgreSQL or Kafka cannot be reached it prints one clear line naming
 * what is missing and exits non-zero, instead of a page of stack trace.
 */
public final class EndowApplication {

    private EndowApplication() {}

    public static ApplicationContext run(String service, Class<?> mainClass, String... args) {
        try {
            return new Launcher().args(args).mainClass(mainClass).banner(false).start();
        } catch (Throwable failure) {
            System.err.println(service + ": cannot start: " + describe(failure));
            System.exit(1);
            throw new IllegalStateException("unreachable");
        }
    }

    /** Micronaut logs a start-up failure as a page of stack trace and exits; we say it in one line. */
    private static final class Launcher extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            if (exception instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(exception);
        }
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        StartupFailure startup = null;
        SQLException sql = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupFailure s && startup == null) {
                startup = s;
            }
            if (t instanceof SQLException s && sql == null) {
                sql = s;
            }
            root = t;
        }
        if (startup != null) {
            return startup.getMessage();
        }
        if (sql != null || root instanceof ConnectException) {
            String url = System.getProperty("datasources.default.url", System.getenv("DATASOURCES_DEFAULT_URL"));
            return "PostgreSQL not reachable" + (url == null ? "" : " at " + url) + " (" + root.getMessage() + ")";
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

package org.endow.platform.app;

/** A reason the service cannot start that an operator can act on; printed as one line. */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

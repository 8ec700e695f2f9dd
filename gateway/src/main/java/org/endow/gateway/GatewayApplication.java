package org.endow.gateway;

import org.endow.platform.app.EndowApplication;

public final class GatewayApplication {

    private GatewayApplication() {}

    public static void main(String[] args) {
        EndowApplication.run("gateway", GatewayApplication.class, args);
    }
}

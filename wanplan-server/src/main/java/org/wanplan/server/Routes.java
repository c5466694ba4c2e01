package org.wanplan.server;

import io.javalin.config.RoutesConfig;

/** A resource's routes: each route class registers its own with the server's Javalin configuration. */
interface Routes {
    void register(RoutesConfig routes);
}

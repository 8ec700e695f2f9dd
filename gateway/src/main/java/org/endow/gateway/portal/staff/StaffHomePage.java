package org.endow.gateway.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.HashMap;
import org.endow.gateway.portal.PortalPages;

/** Staff's starting point: links to every staff page (each service still decides who may see what). */
@Controller("/staff")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class StaffHomePage {

    private final PortalPages pages;

    StaffHomePage(PortalPages pages) {
        this.pages = pages;
    }

    @Get
    HttpResponse<?> home(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff"));
        }
        return pages.page(request, authentication, "staff/home", "Staff", new HashMap<>(), HttpStatus.OK);
    }
}

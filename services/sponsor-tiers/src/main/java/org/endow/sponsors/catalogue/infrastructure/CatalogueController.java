package org.endow.sponsors.catalogue.infrastructure;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.endow.platform.security.Roles;
import org.endow.sponsors.catalogue.application.CloneYearCommand;
import org.endow.sponsors.catalogue.application.CloningYear;
import org.endow.sponsors.catalogue.application.ViewingCatalogue;

/**
 * The sponsorship catalogue. Anyone may read a year's offer (sponsors choose from it before they
 * apply); remaining capacity is computed at each request. Staff clone a year into the next.
 */
@Controller("/api/sponsors/catalogue")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CatalogueController {

    private final ViewingCatalogue viewing;
    private final CloningYear cloning;

    CatalogueController(ViewingCatalogue viewing, CloningYear cloning) {
        this.viewing = viewing;
        this.cloning = cloning;
    }

    @Get
    List<Integer> years() {
        return viewing.years();
    }

    @Get("/{year}")
    CatalogueResponse year(@PathVariable int year) {
        return CatalogueResponse.of(viewing.year(year));
    }

    /** Staff: copy {@code year}'s catalogue into {@code toYear}; audited. */
    @Post("/{year}/clone")
    @Secured(Roles.STAFF)
    HttpResponse<CatalogueResponse> cloneYear(
            @PathVariable int year, @Body @Valid CloneRequest request, Authentication staff) {
        var cloned = cloning.cloneYear(new CloneYearCommand(staff.getName(), year, request.toYear()));
        return HttpResponse.created(CatalogueResponse.of(viewing.year(cloned.year())));
    }

    @Serdeable
    record CloneRequest(@NotNull @Min(2000) @Max(2999) Integer toYear) {}
}

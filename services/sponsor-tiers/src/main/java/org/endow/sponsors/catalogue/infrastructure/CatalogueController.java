package org.endow.sponsors.catalogue.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Roles;
import org.endow.sponsors.catalogue.application.ChangeCapacityCommand;
import org.endow.sponsors.catalogue.application.ChangingCapacity;
import org.endow.sponsors.catalogue.application.CloneYearCommand;
import org.endow.sponsors.catalogue.application.CloningYear;
import org.endow.sponsors.catalogue.application.ViewingCatalogue;
import org.endow.sponsors.catalogue.model.CapacityKind;

/**
 * The sponsorship catalogue. Anyone may read a year's offer (sponsors choose from it before they
 * apply); remaining capacity is computed at each request. Staff clone a year into the next and
 * change a benefit's capacity.
 */
@Controller("/api/sponsors/catalogue")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CatalogueController {

    private final ViewingCatalogue viewing;
    private final CloningYear cloning;
    private final ChangingCapacity changing;

    CatalogueController(ViewingCatalogue viewing, CloningYear cloning, ChangingCapacity changing) {
        this.viewing = viewing;
        this.cloning = cloning;
        this.changing = changing;
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

    /** Staff: a benefit's capacity (absent: unlimited) and kind (HARD, SOFT); audited. */
    @Patch("/{year}/benefits/{code}")
    @Secured(Roles.STAFF)
    CatalogueResponse.BenefitResponse changeCapacity(
            @PathVariable int year,
            @PathVariable String code,
            @Body @Valid CapacityRequest request,
            Authentication staff) {
        CapacityKind kind;
        try {
            kind = CapacityKind.valueOf(request.capacityKind());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("capacityKind", "must be HARD or SOFT");
        }
        changing.change(new ChangeCapacityCommand(staff.getName(), year, code, request.capacity(), kind));
        return viewing.year(year).stock().stream()
                .filter(s -> s.benefit().code().equals(code))
                .map(CatalogueResponse.BenefitResponse::of)
                .findFirst()
                .orElseThrow();
    }

    @Serdeable
    record CapacityRequest(
            @Nullable @PositiveOrZero Integer capacity,
            @NotBlank String capacityKind) {}

    @Serdeable
    record CloneRequest(@NotNull @Min(2000) @Max(2999) Integer toYear) {}
}

package org.endow.funds.items.infrastructure;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.endow.funds.items.application.ManagingFundedItems;
import org.endow.funds.ledger.application.ViewingItemBalances;
import org.endow.platform.security.Roles;

/** Public: anyone may see how far each item is funded. Staff open and change items. */
@Controller("/api/funds/items")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ItemsController {

    private final ViewingItemBalances balances;
    private final ManagingFundedItems managing;

    ItemsController(ViewingItemBalances balances, ManagingFundedItems managing) {
        this.balances = balances;
        this.managing = managing;
    }

    @Get
    List<ItemResponse> all() {
        return balances.all().stream().map(ItemResponse::of).toList();
    }

    @Get("/{code}")
    ItemResponse one(@PathVariable String code) {
        return ItemResponse.of(balances.item(code));
    }

    /** Staff: open a funded item; announced to the other services, audited. */
    @Post
    @Secured(Roles.STAFF)
    HttpResponse<ItemResponse> open(@Body @Valid OpenItemRequest request, Authentication staff) {
        var item = managing.open(
                staff.getName(),
                request.code(),
                request.title(),
                request.description(),
                request.kind(),
                request.targetMinor(),
                request.currency());
        return HttpResponse.created(ItemResponse.of(balances.item(item.code())));
    }

    /** Staff: change title, description, target or status (OPEN, FUNDED, CLOSED); audited. */
    @Patch("/{code}")
    @Secured(Roles.STAFF)
    ItemResponse change(@PathVariable String code, @Body @Valid ChangeItemRequest request, Authentication staff) {
        managing.change(
                staff.getName(), code, request.title(), request.description(), request.targetMinor(), request.status());
        return ItemResponse.of(balances.item(code));
    }

    @Serdeable
    record OpenItemRequest(
            @NotBlank @Size(max = 63) String code,
            @NotBlank @Size(max = 200) String title,
            @Nullable @Size(max = 2000) String description,
            @NotBlank String kind,
            @NotNull @PositiveOrZero Long targetMinor,

            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code")
            String currency) {}

    @Serdeable
    record ChangeItemRequest(
            @Nullable @Size(min = 1, max = 200) String title,
            @Nullable @Size(max = 2000) String description,
            @Nullable @PositiveOrZero Long targetMinor,
            @Nullable String status) {}
}

package org.endow.gateway.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.endow.gateway.portal.Amounts;
import org.endow.gateway.portal.PortalPages;
import org.endow.gateway.portal.ServiceClient;

/** Staff: find gifts by donor, status and fund, export them as CSV, and read the donations audit log. */
@Controller("/staff/donations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class StaffDonationsPage {

    private final DonationsApi donations;
    private final PortalPages pages;

    StaffDonationsPage(DonationsApi donations, PortalPages pages) {
        this.donations = donations;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> search(
            HttpRequest<?> request,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String fund,
            @Nullable Authentication authentication) {
        if (authentication == null) {
            return HttpResponse.seeOther(URI.create("/signin?next=/staff/donations"));
        }
        String query = "q=" + enc(q) + "&status=" + enc(status) + "&fund=" + enc(fund);
        String token = PortalPages.token(request);
        ServiceClient.Result found = donations.get(token, "/api/donations/staff/donations?" + query);
        ServiceClient.Result audit = donations.get(token, "/api/donations/audit?limit=20");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : found.list()) {
            if (o instanceof Map<?, ?> map) {
                Map<String, Object> row = new HashMap<>();
                map.forEach((k, v) -> row.put(String.valueOf(k), v));
                row.put("amount", Amounts.format(((Number) map.get("amountMinor")).longValue(), (String)
                        map.get("currency")));
                rows.add(row);
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("audit", audit.list());
        model.put("q", q == null ? "" : q);
        model.put("status", status == null ? "" : status);
        model.put("fund", fund == null ? "" : fund);
        model.put("csv", "/api/donations/staff/donations.csv?" + query);
        model.put("error", found.ok() ? null : found.problem().detail());
        return pages.page(
                request,
                authentication,
                "staff/donations",
                "Donations (staff)",
                model,
                found.ok() ? HttpStatus.OK : HttpStatus.valueOf(found.problem().status()));
    }

    private static String enc(@Nullable String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

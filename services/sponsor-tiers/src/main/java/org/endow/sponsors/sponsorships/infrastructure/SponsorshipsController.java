package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.endow.kernel.CsvCell;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;
import org.endow.platform.security.Caller;
import org.endow.platform.security.Roles;
import org.endow.sponsors.catalogue.model.AssetRequirement;
import org.endow.sponsors.sponsorships.application.ApplyingForSponsorship;
import org.endow.sponsors.sponsorships.application.FulfillingBenefits;
import org.endow.sponsors.sponsorships.application.PayingInvoice;
import org.endow.sponsors.sponsorships.application.RecordingSponsorshipPayment;
import org.endow.sponsors.sponsorships.application.ReviewingSponsorship;
import org.endow.sponsors.sponsorships.application.ShowingLogos;
import org.endow.sponsors.sponsorships.application.SigningContract;
import org.endow.sponsors.sponsorships.application.SponsorshipTerms;
import org.endow.sponsors.sponsorships.application.ViewingSponsorships;
import org.endow.sponsors.sponsorships.model.ContractDocument;
import org.endow.sponsors.sponsorships.model.Fulfilment;
import org.endow.sponsors.sponsorships.model.Logo;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;

/**
 * Sponsorships: a sponsor applies and signs; staff review, send, countersign, nullify and record
 * payments (each audited); documents download for the sponsor and staff; the wall is public.
 */
@Controller("/api/sponsors")
@ExecuteOn(TaskExecutors.BLOCKING)
class SponsorshipsController {

    private final ApplyingForSponsorship applying;
    private final ReviewingSponsorship reviewing;
    private final SigningContract signing;
    private final RecordingSponsorshipPayment payments;
    private final ViewingSponsorships viewing;
    private final ShowingLogos logos;
    private final PayingInvoice paying;
    private final FulfillingBenefits fulfilling;
    private final boolean vettingRequired;
    private final SponsorshipTerms terms;

    SponsorshipsController(
            FulfillingBenefits fulfilling,
            SponsorshipTerms terms,
            ShowingLogos logos,
            PayingInvoice paying,
            ApplyingForSponsorship applying,
            ReviewingSponsorship reviewing,
            SigningContract signing,
            RecordingSponsorshipPayment payments,
            ViewingSponsorships viewing) {
        this.fulfilling = fulfilling;
        this.vettingRequired = terms.vettingRequired();
        this.terms = terms;
        this.applying = applying;
        this.reviewing = reviewing;
        this.signing = signing;
        this.payments = payments;
        this.viewing = viewing;
        this.logos = logos;
        this.paying = paying;
    }

    private SponsorshipResponse response(Sponsorship s, List<ContractDocument> documents) {
        return SponsorshipResponse.of(s, documents, vettingRequired);
    }

    /** Staff record the code-of-conduct vetting; failing it rejects the application (the sponsor is told why). */
    @Post("/sponsorships/{id}/vetting")
    @Secured(Roles.STAFF)
    SponsorshipResponse vet(@PathVariable UUID id, @Body @Valid VettingRequest request, Authentication staff) {
        return response(reviewing.vet(Caller.of(staff).accountId(), id, request.passed(), request.note()), List.of());
    }

    /** Staff let an approved sponsor appear on the wall before the contract is executed (or stop it). */
    @Post("/sponsorships/{id}/wall")
    @Secured(Roles.STAFF)
    SponsorshipResponse wallEarly(@PathVariable UUID id, @Body @Valid WallRequest request, Authentication staff) {
        return response(
                reviewing.showOnWallEarly(Caller.of(staff).accountId(), id, request.shownBeforeExecution()), List.of());
    }

    /** What the sponsorship's benefits need from the sponsor, with due dates and what was sent. */
    @Get("/sponsorships/{id}/assets")
    @Secured({Roles.SPONSOR, Roles.STAFF})
    List<AssetResponse> assets(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return fulfilling.items(id, caller.accountId(), caller.has(Roles.STAFF)).stream()
                .map(i -> AssetResponse.of(id, i))
                .toList();
    }

    /** The sponsor sends (or changes) a text or a link one of their benefits needs. */
    @Put("/sponsorships/{id}/assets/{benefit}/{code}")
    @Secured(Roles.SPONSOR)
    AssetResponse submitAsset(
            @PathVariable UUID id,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "is not a benefit code")
                    String benefit,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "is not an asset code") String code,
            @Body @Valid AssetRequest request,
            Authentication sponsor) {
        return AssetResponse.of(
                id, fulfilling.submit(Caller.of(sponsor).accountId(), id, benefit, code, request.value()));
    }

    /** Staff: what sponsorships still owe for their benefits (missing or overdue), soonest due first. */
    @Get("/fulfilment")
    @Secured(Roles.STAFF)
    List<OutstandingResponse> outstanding(@Nullable @QueryValue @Size(max = 64) String benefit) {
        return fulfilling.outstanding(benefit).stream()
                .map(o -> new OutstandingResponse(
                        o.sponsorship().id().toString(),
                        o.sponsorship().organisation().name(),
                        o.sponsorship().status().name(),
                        AssetResponse.of(o.sponsorship().id(), o.item())))
                .toList();
    }

    /** The sponsor pays the invoice by card: where to send them (the payment is recorded by Stripe's event). */
    @Post("/sponsorships/{id}/invoice/checkout")
    @Secured(Roles.SPONSOR)
    Map<String, String> payByCard(@PathVariable UUID id, Authentication authentication) {
        return Map.of("checkoutUrl", paying.checkout(Caller.of(authentication).accountId(), id));
    }

    /**
     * The sponsor uploads their logo as the request body: PNG or SVG, recognised by content; a file
     * whose Content-Type says otherwise is refused (422, and why).
     */
    @Post(
            value = "/sponsorships/{id}/logo",
            consumes = {"image/png", "image/svg+xml", "application/octet-stream"})
    @Secured(Roles.SPONSOR)
    HttpResponse<Map<String, String>> uploadLogo(
            @PathVariable UUID id, @Body byte[] content, HttpRequest<?> request, Authentication authentication) {
        logos.upload(
                Caller.of(authentication).accountId(),
                id,
                content,
                request.getContentType().map(MediaType::toString).orElse(""));
        return HttpResponse.ok(Map.of("logo", "/api/sponsors/logos/" + id));
    }

    /** A running sponsorship's logo, served so that a browser never runs it (SVG without scripts, no sniffing). */
    @Get("/logos/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<byte[]> logo(@PathVariable UUID id) {
        Logo logo = logos.logo(id);
        return HttpResponse.ok(logo.content())
                .contentType(MediaType.of(logo.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("Cache-Control", "public, max-age=3600");
    }

    /** The logo API per placement ({@code home}, {@code sponsors}, {@code pypi}, {@code docs}): running sponsors with that benefit. */
    @Get("/logos")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<WallEntry> placement(@QueryValue @Size(max = 20) String placement) {
        List<Sponsorship> running = viewing.wall();
        return entries(logos.placed(placement, running));
    }

    private List<WallEntry> entries(List<Sponsorship> running) {
        java.util.Set<UUID> withLogo = logos.withLogo(running);
        return running.stream()
                .map(s -> new WallEntry(
                        s.organisation().name(),
                        s.organisation().website(),
                        s.selection().packageCode(),
                        s.selection().year(),
                        s.startDate(),
                        s.endDate(),
                        withLogo.contains(s.id()) ? "/api/sponsors/logos/" + s.id() : null))
                .toList();
    }

    @Post("/sponsorships")
    @Secured(Roles.SPONSOR)
    HttpResponse<SponsorshipResponse> apply(@Body @Valid ApplicationRequest request, Authentication authentication) {
        Sponsorship s =
                applying.apply(Caller.of(authentication).accountId(), request.organisation(), request.selection());
        return HttpResponse.created(response(s, List.of()))
                .headers(h -> h.location(URI.create("/api/sponsors/sponsorships/" + s.id())));
    }

    /** The sponsor changes an application staff sent back, and applies again. */
    @Put("/sponsorships/{id}")
    @Secured(Roles.SPONSOR)
    SponsorshipResponse amend(
            @PathVariable UUID id, @Body @Valid ApplicationRequest request, Authentication authentication) {
        return response(
                applying.amend(Caller.of(authentication).accountId(), id, request.organisation(), request.selection()),
                List.of());
    }

    @Get("/sponsorships/mine")
    @Secured(Roles.SPONSOR)
    List<SponsorshipResponse> mine(Authentication authentication) {
        return viewing.mine(Caller.of(authentication).accountId()).stream()
                .map(s -> response(s, List.of()))
                .toList();
    }

    /** Staff: every sponsorship, or those in one status, or those that include a benefit. */
    @Get("/sponsorships")
    @Secured(Roles.STAFF)
    List<SponsorshipResponse> all(
            @Nullable @QueryValue @Size(max = 20) String status, @Nullable @QueryValue @Size(max = 64) String benefit) {
        return viewing.all(status(status), benefit).stream()
                .map(s -> response(s, List.of()))
                .toList();
    }

    /**
     * Staff: the same selection as a spreadsheet for accounting, one row per sponsorship. Amounts are in minor
     * units of {@code currency}; the tax and the invoice total only once an invoice is issued, which the
     * countersignature does ({@code invoiced_at}), as the invoice charges them ({@link
     * SponsorshipTerms#invoiceTotal(Sponsorship)}: kept when issued, today's settings for an invoice issued
     * before they were kept); instants in ISO-8601 UTC, dates
     * as ISO dates. Every cell goes through {@link CsvCell} (quoted, formula starts kept as text).
     */
    @Get("/sponsorships.csv")
    @Produces("text/csv")
    @Secured(Roles.STAFF)
    HttpResponse<String> csv(
            @Nullable @QueryValue @Size(max = 20) String status, @Nullable @QueryValue @Size(max = 64) String benefit) {
        StringBuilder out = new StringBuilder(String.join(
                        ",",
                        "id",
                        "organisation_name",
                        "year",
                        "package_code",
                        "add_ons",
                        "status",
                        "applied_at",
                        "start_date",
                        "end_date",
                        "sponsor_signed_at",
                        "fee_minor",
                        "tax_minor",
                        "invoice_total_minor",
                        "currency",
                        "invoice_number",
                        "invoiced_at",
                        "invoice_due",
                        "paid_at",
                        "payment_reference"))
                .append("\r\n");
        for (Sponsorship s : viewing.all(status(status), benefit)) {
            boolean invoiced = s.invoiceNumber() != null;
            Money tax = invoiced ? terms.invoiceTax(s) : null;
            Money total = invoiced ? terms.invoiceTotal(s) : null;
            out.append(String.join(
                            ",",
                            CsvCell.of(s.id().toString()),
                            CsvCell.of(s.organisation().name()),
                            CsvCell.of(Integer.toString(s.selection().year())),
                            CsvCell.of(s.selection().packageCode()),
                            CsvCell.of(String.join(" ", s.selection().addOns())),
                            CsvCell.of(s.status().name()),
                            CsvCell.of(text(s.appliedAt())),
                            CsvCell.of(text(s.startDate())),
                            CsvCell.of(text(s.endDate())),
                            CsvCell.of(
                                    s.sponsorSignature() == null
                                            ? null
                                            : text(s.sponsorSignature().at())),
                            CsvCell.of(Long.toString(s.fee().minor())),
                            CsvCell.of(tax == null ? null : Long.toString(tax.minor())),
                            CsvCell.of(total == null ? null : Long.toString(total.minor())),
                            CsvCell.of(s.fee().currencyCode()),
                            CsvCell.of(s.invoiceNumber()),
                            CsvCell.of(
                                    invoiced && s.foundationSignature() != null
                                            ? text(s.foundationSignature().at())
                                            : null),
                            CsvCell.of(text(s.invoiceDue())),
                            CsvCell.of(text(s.paidAt())),
                            CsvCell.of(s.paymentReference())))
                    .append("\r\n");
        }
        return HttpResponse.ok(out.toString())
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"sponsorships.csv\"")
                .header("Cache-Control", "private, no-store");
    }

    private static String text(@Nullable Object instantOrDate) {
        return instantOrDate == null ? null : instantOrDate.toString();
    }

    private static SponsorshipStatus status(@Nullable String status) {
        return status == null
                ? null
                : Arrays.stream(SponsorshipStatus.values())
                        .filter(s -> s.name().equalsIgnoreCase(status))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.invalidField(
                                "status", "must be one of " + Arrays.toString(SponsorshipStatus.values())));
    }

    @Get("/sponsorships/{id}")
    @Secured({Roles.SPONSOR, Roles.STAFF})
    SponsorshipResponse one(@PathVariable UUID id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return response(
                viewing.one(id, caller.accountId(), caller.has(Roles.STAFF)),
                viewing.versions(id, caller.accountId(), caller.has(Roles.STAFF)));
    }

    @Post("/sponsorships/{id}/approve")
    @Secured(Roles.STAFF)
    SponsorshipResponse approve(@PathVariable UUID id, @Body @Valid ApprovalRequest request, Authentication staff) {
        return response(
                reviewing.approve(
                        Caller.of(staff).accountId(), id, request.startDate(), request.endDate(), request.feeMinor()),
                List.of());
    }

    @Post("/sponsorships/{id}/reject")
    @Secured(Roles.STAFF)
    SponsorshipResponse reject(@PathVariable UUID id, @Body @Valid ReasonRequest request, Authentication staff) {
        return response(reviewing.reject(Caller.of(staff).accountId(), id, request.reason()), List.of());
    }

    @Post("/sponsorships/{id}/send-back")
    @Secured(Roles.STAFF)
    SponsorshipResponse sendBack(@PathVariable UUID id, @Body @Valid ReasonRequest request, Authentication staff) {
        return response(reviewing.sendBack(Caller.of(staff).accountId(), id, request.reason()), List.of());
    }

    @Post("/sponsorships/{id}/contract/send")
    @Secured(Roles.STAFF)
    SponsorshipResponse sendContract(@PathVariable UUID id, Authentication staff) {
        return response(signing.send(Caller.of(staff).accountId(), id), List.of());
    }

    /** The sponsor signs the draft they read: typed name and title, and the SHA-256 shown with the draft. */
    @Post("/sponsorships/{id}/contract/sign")
    @Secured(Roles.SPONSOR)
    SponsorshipResponse sign(@PathVariable UUID id, @Body @Valid SignatureRequest request, Authentication sponsor) {
        return response(
                signing.sign(
                        Caller.of(sponsor).accountId(), id, request.name(), request.title(), request.documentSha256()),
                List.of());
    }

    @Post("/sponsorships/{id}/contract/countersign")
    @Secured(Roles.STAFF)
    SponsorshipResponse countersign(
            @PathVariable UUID id, @Body @Valid CountersignRequest request, Authentication staff) {
        return response(
                signing.countersign(Caller.of(staff).accountId(), id, request.name(), request.title()), List.of());
    }

    @Post("/sponsorships/{id}/contract/nullify")
    @Secured(Roles.STAFF)
    SponsorshipResponse nullify(@PathVariable UUID id, @Body @Valid ReasonRequest request, Authentication staff) {
        return response(signing.nullify(Caller.of(staff).accountId(), id, request.reason()), List.of());
    }

    /** Staff: the invoice was paid by bank transfer; {@code SponsorshipPaid} reaches the ledger. */
    @Post("/sponsorships/{id}/payments")
    @Secured(Roles.STAFF)
    SponsorshipResponse paid(@PathVariable UUID id, @Body @Valid PaymentRequest request, Authentication staff) {
        return response(payments.paid(Caller.of(staff).accountId(), id, request.reference()), List.of());
    }

    /** A contract version or the invoice: {@code kind} is draft, signed, executed or invoice. */
    @Get("/sponsorships/{id}/documents/{revision}/{kind}.pdf")
    @Produces("application/pdf")
    @Secured({Roles.SPONSOR, Roles.STAFF})
    HttpResponse<byte[]> document(
            @PathVariable UUID id,
            @PathVariable int revision,
            @PathVariable String kind,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        byte[] pdf = viewing.document(id, revision, kind, caller.accountId(), caller.has(Roles.STAFF));
        return HttpResponse.ok(pdf)
                .contentType(MediaType.of("application/pdf"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"sponsorship-" + kind.toLowerCase(Locale.ROOT) + "-r" + revision
                                + ".pdf\"")
                .header("Cache-Control", "private, no-store");
    }

    /** The public sponsor wall: sponsors whose sponsorship is executed and running today, largest first. */
    @Get("/wall")
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<WallEntry> wall() {
        return entries(viewing.wall());
    }

    @Serdeable
    record WallEntry(
            String name,
            String website,
            String packageCode,
            int year,
            LocalDate since,
            LocalDate until,
            @Nullable String logoUrl) {}

    @Serdeable
    record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 254) String email,

            @NotBlank
            @Pattern(
                    regexp = "PRIMARY|ADMINISTRATIVE|ACCOUNTING|MANAGER",
                    message = "must be PRIMARY, ADMINISTRATIVE, ACCOUNTING or MANAGER")
            String role) {}

    /** The organisation, the package and the add-ons. */
    @Serdeable
    record ApplicationRequest(
            @NotBlank @Size(max = 200) String organisationName,
            @Nullable @Size(max = 2000) String description,
            @Nullable @Size(max = 300) String website,
            @NotBlank @Size(max = 1000) String billingAddress,
            @NotEmpty @Size(max = 10) List<@Valid ContactRequest> contacts,
            @NotNull @Min(2000) @Max(2999) Integer year,
            @NotBlank @Size(max = 64) String packageCode,
            @Nullable @Size(max = 30) List<@NotBlank @Size(max = 64) String> addOns) {

        Organisation organisation() {
            try {
                return new Organisation(
                        organisationName,
                        description,
                        website,
                        billingAddress,
                        contacts.stream()
                                .map(c -> new Organisation.Contact(
                                        c.name(), c.email(), Organisation.ContactRole.valueOf(c.role())))
                                .toList());
            } catch (IllegalArgumentException e) {
                String field = e.getMessage().contains("web site")
                        ? "website"
                        : e.getMessage().contains("contact") ? "contacts" : "organisationName";
                throw ProblemException.invalidField(field, e.getMessage());
            }
        }

        Selection selection() {
            return new Selection(year, packageCode, addOns == null ? List.of() : addOns);
        }
    }

    /** @param feeMinor an adjusted fee, in minor units; absent: the catalogue's */
    @Serdeable
    record ApprovalRequest(
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Nullable @Positive Long feeMinor) {}

    /** @param note why it did not pass (required then), or what was checked */
    @Serdeable
    record VettingRequest(
            @NotNull Boolean passed,
            @Nullable @Size(max = 2000) String note) {}

    @Serdeable
    record WallRequest(@NotNull Boolean shownBeforeExecution) {}

    @Serdeable
    record AssetRequest(@NotNull @Size(max = 10_000) String value) {}

    /**
     * One thing a benefit needs: {@code state} SUBMITTED, MISSING or OVERDUE; {@code due} is absent
     * until the sponsorship has dates; a logo is sent as a file to {@code uploadHref}.
     */
    @Serdeable
    record AssetResponse(
            String benefitCode,
            String benefitName,
            String code,
            String kind,
            String label,
            int maxLength,
            @Nullable LocalDate due,
            String state,
            @Nullable String value,
            @Nullable Instant submittedAt,
            String uploadHref) {

        static AssetResponse of(UUID sponsorship, Fulfilment.Item i) {
            String base = "/api/sponsors/sponsorships/" + sponsorship;
            return new AssetResponse(
                    i.benefitCode(),
                    i.benefitName(),
                    i.requirement().code(),
                    i.requirement().kind().name(),
                    i.requirement().label(),
                    i.requirement().maxLength(),
                    i.due(),
                    i.state().name(),
                    i.value(),
                    i.submittedAt(),
                    i.requirement().kind() == AssetRequirement.Kind.LOGO
                            ? base + "/logo"
                            : base + "/assets/" + i.benefitCode() + "/"
                                    + i.requirement().code());
        }
    }

    @Serdeable
    record OutstandingResponse(String sponsorshipId, String organisationName, String status, AssetResponse asset) {}

    @Serdeable
    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {}

    @Serdeable
    record SignatureRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String title,

            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the document's SHA-256 (64 hex digits)")
            String documentSha256) {}

    @Serdeable
    record CountersignRequest(
            @NotBlank @Size(max = 200) String name,
            @Nullable @Size(max = 200) String title) {}

    @Serdeable
    record PaymentRequest(@Nullable @Size(max = 200) String reference) {}

    @Serdeable
    record DocumentResponse(int revision, String kind, String sha256, Instant createdAt, String href) {}

    @Serdeable
    record SponsorshipResponse(
            String id,
            String status,
            String organisationName,
            String website,
            String description,
            String billingAddress,
            int year,
            String packageCode,
            List<String> addOns,
            long feeMinor,
            String currency,
            @Nullable LocalDate startDate,
            @Nullable LocalDate endDate,
            @Nullable String decisionNote,
            int revision,
            @Nullable String signedBy,
            @Nullable String countersignedBy,
            @Nullable String invoiceNumber,
            @Nullable LocalDate invoiceDue,
            @Nullable Instant paidAt,
            Instant appliedAt,
            boolean vettingRequired,
            @Nullable Boolean vettingPassed,
            @Nullable String vettingNote,
            boolean shownBeforeExecution,
            List<DocumentResponse> documents) {

        static SponsorshipResponse of(Sponsorship s, List<ContractDocument> documents, boolean vettingRequired) {
            return new SponsorshipResponse(
                    s.id().toString(),
                    s.status().name(),
                    s.organisation().name(),
                    s.organisation().website(),
                    s.organisation().description(),
                    s.organisation().billingAddress(),
                    s.selection().year(),
                    s.selection().packageCode(),
                    s.selection().addOns(),
                    s.fee().minor(),
                    s.fee().currencyCode(),
                    s.startDate(),
                    s.endDate(),
                    s.decisionNote(),
                    s.revision(),
                    s.sponsorSignature() == null ? null : s.sponsorSignature().name(),
                    s.foundationSignature() == null
                            ? null
                            : s.foundationSignature().name(),
                    s.invoiceNumber(),
                    s.invoiceDue(),
                    s.paidAt(),
                    s.appliedAt(),
                    vettingRequired,
                    s.vetting() == null ? null : s.vetting().passed(),
                    s.vetting() == null ? null : s.vetting().note(),
                    s.shownBeforeExecution(),
                    documents.stream()
                            .map(d -> new DocumentResponse(
                                    d.revision(),
                                    d.kind().name(),
                                    d.sha256(),
                                    d.createdAt(),
                                    "/api/sponsors/sponsorships/" + s.id() + "/documents/" + d.revision() + "/"
                                            + d.kind().name().toLowerCase(Locale.ROOT) + ".pdf"))
                            .toList());
        }
    }
}

package org.endow.sponsors.catalogue.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.endow.sponsors.catalogue.application.CatalogueView;
import org.endow.sponsors.catalogue.model.LegalClause;
import org.endow.sponsors.catalogue.model.Program;
import org.endow.sponsors.catalogue.model.SponsorPackage;

@Serdeable
record CatalogueResponse(
        int year,
        List<ProgramResponse> programs,
        List<PackageResponse> packages,
        List<BenefitResponse> benefits,
        List<ClauseResponse> clauses) {

    static CatalogueResponse of(CatalogueView view) {
        var catalogue = view.catalogue();
        return new CatalogueResponse(
                catalogue.year(),
                view.programs().stream().map(ProgramResponse::of).toList(),
                catalogue.packages().stream().map(PackageResponse::of).toList(),
                view.stock().stream().map(BenefitResponse::of).toList(),
                catalogue.clauses().stream().map(ClauseResponse::of).toList());
    }

    @Serdeable
    record ProgramResponse(String code, String name) {
        static ProgramResponse of(Program program) {
            return new ProgramResponse(program.code(), program.name());
        }
    }

    @Serdeable
    record PackageResponse(String code, String name, long priceMinor, String currency, List<LineResponse> benefits) {
        static PackageResponse of(SponsorPackage p) {
            return new PackageResponse(
                    p.code(),
                    p.name(),
                    p.price().minor(),
                    p.price().currencyCode(),
                    p.benefits().stream()
                            .map(l -> new LineResponse(l.benefitCode(), l.quantity()))
                            .toList());
        }
    }

    @Serdeable
    record LineResponse(String benefitCode, int quantity) {}

    /** {@code capacity} and {@code remaining} are absent for an unlimited benefit. */
    @Serdeable
    record BenefitResponse(
            String code,
            String programCode,
            String name,
            String description,
            long internalValueMinor,
            long priceMinor,
            String currency,
            @Nullable Integer capacity,
            String capacityKind,
            int held,
            @Nullable Integer remaining,
            boolean addOn,
            boolean standalone,
            boolean packageOnly,
            List<String> conflicts,
            List<String> clauses,
            List<AssetResponse> assets) {
        static BenefitResponse of(CatalogueView.BenefitStock stock) {
            var b = stock.benefit();
            return new BenefitResponse(
                    b.code(),
                    b.programCode(),
                    b.name(),
                    b.description(),
                    b.internalValue().minor(),
                    b.price().minor(),
                    b.internalValue().currencyCode(),
                    b.capacity(),
                    b.capacityKind().name(),
                    stock.held(),
                    stock.remaining(),
                    b.addOn(),
                    b.standalone(),
                    b.packageOnly(),
                    b.conflicts(),
                    b.clauseCodes(),
                    b.assets().stream()
                            .map(a -> new AssetResponse(
                                    a.code(), a.kind().name(), a.label(), a.dueOffsetDays(), a.maxLength()))
                            .toList());
        }
    }

    /** What the benefit needs from the sponsor, due {@code dueOffsetDays} after the start (negative: before). */
    @Serdeable
    record AssetResponse(String code, String kind, String label, int dueOffsetDays, int maxLength) {}

    @Serdeable
    record ClauseResponse(String code, String title, String text) {
        static ClauseResponse of(LegalClause clause) {
            return new ClauseResponse(clause.code(), clause.title(), clause.text());
        }
    }
}
